/** Writes a deterministic benchmark portfolio (see generate-portfolio.mjs). */
export function generatePortfolio(dir: string, nInit?: number, nPeople?: number, sections?: 'all' | 'business-case' | 'charter', opts?: { midJourney?: boolean }): void;
