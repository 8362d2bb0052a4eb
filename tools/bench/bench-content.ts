/**
 * Realistic generated posts for the benchmark: ~800 words of Markdown each, with headings, lists,
 * links between posts, tags, a hero image on every fifth post (shown again further down, so a page
 * has an image below the fold) and comments on every seventh.
 * Seeded, so every run builds exactly the same content.
 */
const WORDS = (
  'massage therapy relaxes tense muscles and may ease stress while gentle pressure supports circulation ' +
  'lymphatic drainage reflexology sessions focus on the feet hands and ears with calm rhythmic strokes ' +
  'many people book a treatment after long weeks at a desk or after running a marathon in the rain ' +
  'a qualified therapist asks about health conditions first and adapts the pressure to each client ' +
  'sleep often improves when the nervous system settles and breathing slows during the session ' +
  'london clinics and mobile therapists offer swedish deep tissue sports and hot stone treatments'
).split(' ');
const TAGS = [
  'massage',
  'reflexology',
  'stress',
  'sleep',
  'london',
  'reviews',
  'mobile massage',
  'deep tissue',
  'sports massage',
  'hot stones',
  'lymphatic drainage',
  'wellness',
  'immune health',
  'relaxation',
  'back pain',
  'posture',
  'running',
  'aromatherapy',
  'self-care',
  'breathing',
  'pregnancy',
  'shoulders',
  'headaches',
  'office work',
  'recovery',
];

/** A small, fast, seeded random number generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedFile {
  /** Path relative to the content folder. */
  path: string;
  text: string;
}

export interface GeneratedContent {
  files: GeneratedFile[];
  /** Post folders that need a hero image copied in as hero.jpg. */
  heroFolders: string[];
}

/** N posts (and their comments) as files for a content folder. */
export function generatePosts(count: number, seed = 42): GeneratedContent {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(next() * (max - min));
    const words = Array.from({ length }, () => pick(WORDS));
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 4 + Math.floor(next() * 3) }, () => sentence(8, 18)).join(' ');
  const slugOf = (index: number) => `bench-post-${String(index).padStart(5, '0')}`;
  const files: GeneratedFile[] = [];
  const heroFolders: string[] = [];
  const start = Date.UTC(2015, 0, 1);
  for (let index = 0; index < count; index += 1) {
    const slug = slugOf(index);
    const tags = [...new Set(Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(TAGS)))];
    const day = new Date(start + Math.floor((index / count) * 3650) * 86_400_000).toISOString().slice(0, 10);
    const hero = index % 5 === 0;
    if (hero) heroFolders.push(`posts/${slug}`);
    const body: string[] = [];
    for (let section = 0; section < 4; section += 1) {
      body.push(`## ${sentence(3, 6).slice(0, -1)}`, paragraph(), paragraph(), paragraph());
      if (section === 1) body.push(Array.from({ length: 4 }, () => `- ${sentence(4, 9)}`).join('\n'));
      if (section === 3 && hero) body.push('![The same soft shapes, closer, in the treatment room](./hero.jpg)');
      if (section === 2 && index > 0) {
        body.push(
          `Read more in [an earlier post](/posts/${slugOf(Math.floor(next() * index))}/), and *take your time*.`,
        );
      }
    }
    const frontmatter = [
      '---',
      `title: "${sentence(4, 9).slice(0, -1)}"`,
      `description: "${sentence(12, 20)}"`,
      `pubDate: ${day}`,
      `tags: [${tags.map((tag) => `"${tag}"`).join(', ')}]`,
      'author: editorial',
      index % 4 === 3
        ? 'kind: review\nreview:\n  subject: A therapist\n  area: Camden\n  city: London\n  services: [Massage]\n  rating: 4\n  visitDate: 2020-01-01'
        : 'kind: article',
      ...(hero ? ['hero:', '  image: ./hero.jpg', '  alt: Abstract soft shapes in calm colours'] : []),
      '---',
    ];
    files.push({ path: `posts/${slug}/index.md`, text: `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n` });
    if (index % 7 === 0) {
      for (let c = 0; c < 1 + (index % 3); c += 1) {
        files.push({
          path: `comments/${slug}/0${c}-reader.md`,
          text: `---\nauthor: Reader ${c}\ndate: ${day}T12:0${c}:00Z\n---\n${sentence(8, 20)}\n`,
        });
      }
    }
  }
  return { files, heroFolders };
}
