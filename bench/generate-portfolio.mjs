// Writes a large, valid, deterministic portfolio for benchmarks:
//   node bench/generate-portfolio.mjs <dir> [initiatives=10000] [people=2000]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * sections: 'all' (every step filled in), or only what one document needs: 'business-case'
 * (scores, challenges, theory of change, business case) or 'charter' (incentives and charter).
 * `midJourney`: a portfolio in the middle of its journey, where about a third of the initiatives
 * carry an ordinary warning (scores not all given) and one in two hundred an error.
 */
export function generatePortfolio(dir, nInit = 10000, nPeople = 2000, sections = 'all', { midJourney = false } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'initiatives'), { recursive: true });
  mkdirSync(join(dir, 'people'), { recursive: true });
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const areas = ['adult-social-care', 'health', 'children', 'housing', 'environment', 'community-safety', 'transport', 'democracy'];
  const wards = Array.from({ length: 24 }, (_, i) => `ward-${i + 1}`);
  const skills = ['walk-leading', 'digital-skills', 'gardening', 'driving', 'befriending', 'cooking', 'admin', 'translation', 'mentoring', 'diy'];
  const statuses = ['idea', 'planned', 'pilot', 'running', 'scaled', 'stopped'];
  const cos = ['co-commissioning', 'co-design', 'co-delivery', 'co-assessment'];
  writeFileSync(
    join(dir, 'costar.yaml'),
    `# yaml-language-server: $schema=./.costar/schema/manifest.schema.json
schema: costar/v1
name: Benchmark portfolio
organisation: Benchmark Council
serviceAreas:
${areas.map((a) => `  - id: ${a}\n    label: ${a.replace(/-/g, ' ')}`).join('\n')}
wards: [${wards.join(', ')}]
appraisal:
  currency: GBP
  startYear: 2026
`,
  );
  for (let i = 1; i <= nPeople; i++) {
    const id = `p-${String(i).padStart(5, '0')}`;
    writeFileSync(
      join(dir, 'people', `${id}.yaml`),
      `# yaml-language-server: $schema=../.costar/schema/person.schema.json
id: ${id}
kind: individual
ward: ${pick(wards)}
consent: ${rnd() < 0.9}
willingness: ${pick(['already', 'more', 'maybe', 'maybe'])}
under18: ${rnd() < 0.1}
offers: [${[pick(skills), pick(skills)].filter((v, k, a) => a.indexOf(v) === k).join(', ')}]
wants: [${pick(skills)}]
availability: [weekday-day, weekends]
checks: [${rnd() < 0.4 ? 'dbs' : ''}]
`,
    );
  }
  for (let i = 1; i <= nInit; i++) {
    const id = `initiative-${String(i).padStart(5, '0')}`;
    const status = pick(statuses);
    const nCos = 1 + Math.floor(rnd() * 3);
    const mine = cos.slice(0, nCos);
    const level = (c) => (status === 'idea' ? 'potential' : pick(['potential', 'emerging', 'established']));
    const w = pick(wards);
    const score = () => 1 + Math.floor(rnd() * 5);
    // Mid-journey: a third still being scored (a warning), one in two hundred with a typo (an error).
    const partial = midJourney && i % 3 === 0;
    const typo = midJourney && i % 200 === 7;
    writeFileSync(
      join(dir, 'initiatives', `${id}.yaml`),
      `# yaml-language-server: $schema=../.costar/schema/initiative.schema.json
# Generated for the benchmark.
id: ${id}
title: Initiative number ${i} with residents
serviceArea: ${pick(areas)}
status: ${typo ? 'runing' : status}
wards: [${w}]
summary: Residents and staff work together on a local service in ${w}.
cos:
${mine.map((c) => `  ${c}: { level: ${level(c)}, how: Residents take part in ${c} }`).join('\n')}
${sections === 'charter' ? '' : `focus:
  scores: { user-outcomes: ${score()}, community-outcomes: ${score()}, efficiency: ${score()}${partial ? '' : `, resilience: ${score()}, governance: ${score()}`}, ease: ${score()}, readiness: ${score()} }
  challenges:
    - { by: Finance partner, challenge: Check the savings, status: open }
  theoryOfChange:
    inputs: [Coordinator time]
    activities: [Weekly sessions]
    outputs: [40 sessions a year]
    outcomes: [Less isolation]
    impact: People live well at home for longer
  businessCase:
    confidence: 3
    costs:
      - { item: Coordinator, kind: revenue, amount: ${1000 + Math.floor(rnd() * 20000)}, years: [0, 1, 2, 3, 4], payer: council }
      - { item: Equipment, kind: capital, amount: ${Math.floor(rnd() * 5000)}, years: [0] }
    benefits:
      - { item: Fewer crisis visits, kind: fiscal, cashable: true, beneficiary: nhs, amount: ${Math.floor(rnd() * 30000)}, deadweight: 0.2, attribution: 0.1, dropOff: 0.1, years: [1, 2, 3, 4], confidence: 4 }
      - { item: Wellbeing, kind: social, cohort: ${10 + Math.floor(rnd() * 90)}, unitValue: 250, engagement: 0.8, success: 0.5 }
`}${sections !== 'all' ? '' : `people:
  needs:
    - { skill: ${pick(skills)}, count: ${1 + Math.floor(rnd() * 3)}, ward: ${w} }
`}${sections === 'business-case' ? '' : `market:
  incentives:
    - { for: volunteers, kind: non-financial, what: Training and a certificate, cost: 200 }
  charter:
    parties: [Benchmark Council, Residents group ${i}]
    sharedOutcomes: [People stay connected]
    serviceCommitments: [Insure volunteers]
    communityCommitments: [Attend the safety briefing]
    risks:
      - { risk: Volunteer injured, likelihood: low, impact: high, mitigation: Insurance, owner: council }
    review: 2027-06-30
`}${sections !== 'all' ? '' : `grow:
  indicators:
    - { name: People less isolated, kind: outcome, unit: "%", baseline: 40, target: 60, coDesigned: true }
    - { name: Sessions held, kind: process, unit: sessions, target: 40 }
  readings:
    - { indicator: People less isolated, date: 2026-09-30, value: 48 }
  review: { date: 2026-06-01, by: [users, staff] }
  councillors: [{ ward: ${w}, role: community connector }]
`}`,
    );
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [dir, n, p, mode] = process.argv.slice(2);
  generatePortfolio(dir, Number(n ?? 10000), Number(p ?? 2000), 'all', { midJourney: mode === 'mid' });
}
