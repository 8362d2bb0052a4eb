// The part of tr46 7 (CommonJS, no bundled types) that src/lib/urls.ts uses.
declare module 'tr46' {
  export interface Tr46Options {
    checkBidi?: boolean;
    checkHyphens?: boolean;
    checkJoiners?: boolean;
    ignoreInvalidPunycode?: boolean;
    transitionalProcessing?: boolean;
    useSTD3ASCIIRules?: boolean;
    verifyDNSLength?: boolean;
  }
  /** UTS #46 ToASCII: the name in its ASCII (Punycode) form, or null when it breaks a rule the options switch on. */
  export function toASCII(domainName: string, options?: Tr46Options): string | null;
}
