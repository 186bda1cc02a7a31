// Writes a deterministic survey CSV of returns without ids, for `people import` benchmarks:
//   node bench/generate-csv.mjs <file> [rows=10000]
// Wards and skills are those of bench/generate-portfolio.mjs, so every row imports cleanly.
import { writeFileSync } from 'node:fs';

export function generateSurveyCsv(file, rows = 10000) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const wards = Array.from({ length: 24 }, (_, i) => `ward-${i + 1}`);
  const skills = ['walk-leading', 'digital-skills', 'gardening', 'driving', 'befriending', 'cooking', 'admin', 'translation', 'mentoring', 'diy'];
  const times = ['weekday-day', 'weekday-evening', 'weekends'];
  const lines = ['kind,name,contact,ward,consent,willingness,offers,wants,availability'];
  for (let i = 1; i <= rows; i++) {
    const offers = [...new Set([pick(skills), pick(skills)])].join(';');
    lines.push(
      [
        pick(['individual', 'individual', 'group']),
        `Resident ${i}`,
        // Contacts that look like numbers: they must stay text.
        i % 2 ? `resident${i}@example.org` : `07700${String(900000 + i).padStart(6, '0')}`,
        pick(wards),
        rnd() < 0.8 ? 'yes' : 'no',
        pick(['already', 'more', 'maybe', 'no']),
        offers,
        pick(skills),
        pick(times),
      ].join(','),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  generateSurveyCsv(process.argv[2] ?? 'survey.csv', Number(process.argv[3] ?? 10000));
}
