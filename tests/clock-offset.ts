/**
 * Loaded with `node --import ./tests/clock-offset.ts` to run a command "on another day": the
 * process's clock reads CLOCK_OFFSET_DAYS days later (or earlier) than the machine's. Only the
 * current time moves (`Date.now()`, `new Date()`); dates built from a value are untouched.
 */
const offset = Number(process.env.CLOCK_OFFSET_DAYS ?? 0) * 24 * 60 * 60 * 1000;
if (offset) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
