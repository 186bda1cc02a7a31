/**
 * The built-in Incentive Menu for Market it: nudges, rewards and deterrents a council can offer
 * each stakeholder group to get co-production started and keep it going. Written in our own words,
 * drawing on published UK practice (recognition need not be money; participation costs such as
 * childcare are part of normal good engagement; accreditation can matter more than payment).
 *
 * Order is fixed: grouped by stakeholder in STAKEHOLDERS order, then by kind in INCENTIVE_KINDS
 * order, so `market menu` output is stable.
 */
import type { IncentiveKind, Stakeholder } from '../core/vocab.js';

export const COST_BANDS = ['none', 'low', 'medium', 'high'] as const;
export type CostBand = (typeof COST_BANDS)[number];

/** What each band means, in words shown to users (per year, per initiative). */
export const COST_BAND_LABELS: Record<CostBand, string> = {
  none: 'No direct cost',
  low: 'Under £500 a year',
  medium: '£500 to £5,000 a year',
  high: 'Over £5,000 a year',
};

export interface MenuIncentive {
  id: string;
  for: Stakeholder;
  kind: IncentiveKind;
  /** The incentive, as a short phrase. */
  what: string;
  /** One or two sentences on how a council would use it. */
  example: string;
  costBand: CostBand;
}

export const INCENTIVE_MENU: readonly MenuIncentive[] = Object.freeze([
  // ── Service users ────────────────────────────────────────────────────────────────────────
  {
    id: 'users-participation-costs',
    for: 'service-users',
    kind: 'financial',
    what: 'Travel, care and childcare costs paid for meetings',
    example:
      'Bus fares, taxis for people who cannot use buses, and childcare are paid on the day or refunded within a week. Covering these is treated as a normal part of involving people, not an extra.',
    costBand: 'low',
  },
  {
    id: 'users-paid-expert-time',
    for: 'service-users',
    kind: 'financial',
    what: 'Payment for time given as an expert by experience',
    example:
      'People who sit on interview panels or review service specifications are paid an hourly rate. Each person is offered benefits advice first and may choose vouchers or no payment instead.',
    costBand: 'medium',
  },
  {
    id: 'users-accredited-learning',
    for: 'service-users',
    kind: 'non-financial',
    what: 'Accredited learning that can go on a CV',
    example:
      'Young people who help redesign a youth service earn a recognised award unit for the skills they use. Some value this more than a cash payment.',
    costBand: 'low',
  },
  {
    id: 'users-you-said-we-did',
    for: 'service-users',
    kind: 'non-financial',
    what: 'A clear report back on what changed because of them',
    example:
      'After each round of involvement the service sends a short "you told us, we did" note to everyone who took part. Where an idea was not taken up, the note says why.',
    costBand: 'none',
  },
  {
    id: 'users-first-choice-of-sessions',
    for: 'service-users',
    kind: 'non-financial',
    what: 'First choice of places on activities they helped shape',
    example:
      'People who helped design a new exercise class can book their places before booking opens to everyone else.',
    costBand: 'none',
  },
  {
    id: 'users-no-show-reminder-then-charge',
    for: 'service-users',
    kind: 'deterrent',
    what: 'A reminder, then a charge, for repeated missed bookings',
    example:
      'A text reminder goes out the day before a booked session. After a third missed booking without notice, a small charge applies, which is waived where there is a good reason.',
    costBand: 'none',
  },

  // ── Carers and families ─────────────────────────────────────────────────────────────────
  {
    id: 'carers-replacement-care',
    for: 'carers',
    kind: 'financial',
    what: 'Replacement care paid while carers take part',
    example:
      'The council arranges and pays for a sitting service so a carer can attend a design workshop without leaving the person they look after alone.',
    costBand: 'medium',
  },
  {
    id: 'carers-thank-you-vouchers',
    for: 'carers',
    kind: 'financial',
    what: 'Shopping or leisure vouchers as a thank-you',
    example:
      'Carers who give a day to reviewing the carers strategy receive a voucher for a local café or leisure centre, with a note on how vouchers may affect benefits.',
    costBand: 'low',
  },
  {
    id: 'carers-flexible-involvement',
    for: 'carers',
    kind: 'non-financial',
    what: 'Ways to take part that fit around caring',
    example:
      'Sessions run at school-hours times, online and by phone, and carers can give views by email if they cannot attend at all.',
    costBand: 'none',
  },
  {
    id: 'carers-peer-support',
    for: 'carers',
    kind: 'non-financial',
    what: 'A peer support group that grows out of the work',
    example:
      'Carers who meet through a co-design project are helped to keep meeting as a peer group, with a free room and a named link worker.',
    costBand: 'low',
  },

  // ── Volunteers ──────────────────────────────────────────────────────────────────────────
  {
    id: 'volunteers-expenses-at-cost',
    for: 'volunteers',
    kind: 'financial',
    what: 'Out-of-pocket expenses repaid at cost',
    example:
      'Mileage, fares and phone costs are repaid against receipts each month, so that volunteering never leaves anyone worse off.',
    costBand: 'low',
  },
  {
    id: 'volunteers-time-credits',
    for: 'volunteers',
    kind: 'financial',
    what: 'Time credits for hours given',
    example:
      'Each hour of volunteering earns a credit that can be spent on a swim, a cinema ticket or an adult-learning class with partners in the scheme.',
    costBand: 'medium',
  },
  {
    id: 'volunteers-leisure-pass',
    for: 'volunteers',
    kind: 'financial',
    what: 'Free or reduced-price leisure pass',
    example:
      'Volunteers who give at least two hours a week receive a discounted pass for council leisure centres while they stay active.',
    costBand: 'low',
  },
  {
    id: 'volunteers-accredited-training',
    for: 'volunteers',
    kind: 'non-financial',
    what: 'Accredited training and a written reference',
    example:
      'Walk leaders complete a recognised first-aid and leadership course and, after six months, can ask the coordinator for a reference for job applications.',
    costBand: 'low',
  },
  {
    id: 'volunteers-thank-you-event',
    for: 'volunteers',
    kind: 'non-financial',
    what: 'Certificates and an annual thank-you event',
    example:
      'During Volunteers’ Week the mayor hosts an evening where long-serving volunteers receive certificates and their stories are shared.',
    costBand: 'low',
  },
  {
    id: 'volunteers-role-review',
    for: 'volunteers',
    kind: 'deterrent',
    what: 'A role review when agreed commitments are repeatedly missed',
    example:
      'If a volunteer misses several agreed shifts without notice, the coordinator meets them to agree a role that fits better, or a pause, before others are let down again.',
    costBand: 'none',
  },

  // ── Residents ───────────────────────────────────────────────────────────────────────────
  {
    id: 'residents-small-grants',
    for: 'residents',
    kind: 'financial',
    what: 'Small grants for resident-led projects',
    example:
      'Groups of neighbours can bid for up to £500 to run a street clean-up, a community fridge or a play street, with a simple one-page form.',
    costBand: 'medium',
  },
  {
    id: 'residents-free-kit',
    for: 'residents',
    kind: 'financial',
    what: 'Free kit and waste collection for community clean-ups',
    example:
      'Litter pickers, bags and gloves are lent free, and the council collects the bags the same week.',
    costBand: 'low',
  },
  {
    id: 'residents-street-champions',
    for: 'residents',
    kind: 'non-financial',
    what: 'A named street champion role with a badge',
    example:
      'Residents who report problems and help neighbours become street champions, get a direct line to the neighbourhood team and are thanked in the council newsletter.',
    costBand: 'low',
  },
  {
    id: 'residents-budget-vote',
    for: 'residents',
    kind: 'non-financial',
    what: 'A vote on how part of the local budget is spent',
    example:
      'Each year residents propose and vote on projects for a share of the ward’s improvement budget, and the winning projects are delivered with them.',
    costBand: 'high',
  },
  {
    id: 'residents-recycling-missed-collection',
    for: 'residents',
    kind: 'deterrent',
    what: 'Contaminated recycling bins left unemptied, with a note',
    example:
      'A bin with the wrong items in it is tagged with a note explaining what went wrong and is not emptied until it is sorted. Repeat cases get a visit from a recycling adviser.',
    costBand: 'none',
  },
  {
    id: 'residents-fly-tipping-penalties',
    for: 'residents',
    kind: 'deterrent',
    what: 'Fixed penalties for fly-tipping, with results made public',
    example:
      'Evidence reported by residents leads to fixed penalty notices, and the number issued in each ward is published so people can see reports make a difference.',
    costBand: 'none',
  },

  // ── Front-line staff ────────────────────────────────────────────────────────────────────
  {
    id: 'staff-innovation-fund',
    for: 'frontline-staff',
    kind: 'financial',
    what: 'A small fund teams can bid into to try ideas with users',
    example:
      'Teams can bid for up to £2,000 to test an idea they have developed with the people they serve, with a quick decision and no long form.',
    costBand: 'medium',
  },
  {
    id: 'staff-protected-time',
    for: 'frontline-staff',
    kind: 'non-financial',
    what: 'Protected time in the rota for co-production work',
    example:
      'Each worker has half a day a month set aside in the rota for working with users and volunteers, so it is not squeezed out by casework.',
    costBand: 'medium',
  },
  {
    id: 'staff-cpd-training',
    for: 'frontline-staff',
    kind: 'non-financial',
    what: 'Co-production training that counts towards professional development',
    example:
      'Social workers and housing officers attend a co-production course co-delivered by people who use services, and it is logged as professional development.',
    costBand: 'low',
  },
  {
    id: 'staff-practice-award',
    for: 'frontline-staff',
    kind: 'non-financial',
    what: 'A staff award for co-production practice',
    example:
      'The annual staff awards include a category for working alongside residents, with nominations made by residents themselves.',
    costBand: 'low',
  },
  {
    id: 'staff-feedback-response-table',
    for: 'frontline-staff',
    kind: 'deterrent',
    what: 'Published response times to user feedback, by team',
    example:
      'A monthly table on the intranet shows how quickly each team answers feedback and suggestions from users. Teams at the bottom are offered support, and the table keeps slow replies visible.',
    costBand: 'none',
  },

  // ── Managers ────────────────────────────────────────────────────────────────────────────
  {
    id: 'managers-keep-share-of-savings',
    for: 'managers',
    kind: 'financial',
    what: 'A share of proven savings kept by the service that made them',
    example:
      'Where a co-produced approach shows a cashable saving, half stays with the service for a year to reinvest, rather than all of it being taken back centrally.',
    costBand: 'none',
  },
  {
    id: 'managers-appraisal-objective',
    for: 'managers',
    kind: 'non-financial',
    what: 'A co-production objective in annual appraisals',
    example:
      'Every service manager has one performance objective about involving users in design or review, checked at appraisal with evidence from the portfolio.',
    costBand: 'none',
  },
  {
    id: 'managers-peer-learning',
    for: 'managers',
    kind: 'non-financial',
    what: 'Peer learning sets with managers from other services and councils',
    example:
      'Managers join a quarterly action-learning set to bring a live co-production problem and learn how others solved theirs.',
    costBand: 'low',
  },
  {
    id: 'managers-visible-sponsorship',
    for: 'managers',
    kind: 'non-financial',
    what: 'Senior sponsorship and a platform to present results',
    example:
      'Managers whose initiatives reach their outcome targets present them to the leadership team and the relevant cabinet member.',
    costBand: 'none',
  },
  {
    id: 'managers-charter-escalation',
    for: 'managers',
    kind: 'deterrent',
    what: 'Missed charter commitments reported to senior leadership',
    example:
      'When a service misses a commitment it made in a co-production charter, it is listed in the quarterly performance report with a date for putting it right.',
    costBand: 'none',
  },

  // ── Commissioners ───────────────────────────────────────────────────────────────────────
  {
    id: 'commissioners-invest-to-save',
    for: 'commissioners',
    kind: 'financial',
    what: 'Invest-to-save funding for co-produced commissioning',
    example:
      'A corporate fund pays the up-front cost of involving people in a recommissioning exercise, repaid from savings identified in the business case.',
    costBand: 'high',
  },
  {
    id: 'commissioners-expert-panel',
    for: 'commissioners',
    kind: 'non-financial',
    what: 'A standing panel of people with lived experience to call on',
    example:
      'Commissioners can book a trained panel to help write specifications and score bids, instead of recruiting people from scratch each time.',
    costBand: 'medium',
  },
  {
    id: 'commissioners-toolkit',
    for: 'commissioners',
    kind: 'non-financial',
    what: 'Ready-made templates for co-produced commissioning',
    example:
      'Commissioners use standard templates for involvement plans, payment for involvement and social value questions, which cut the work of starting.',
    costBand: 'none',
  },
  {
    id: 'commissioners-gateway-check',
    for: 'commissioners',
    kind: 'deterrent',
    what: 'Commissioning plans sent back if users were not involved',
    example:
      'The commissioning board will not approve a plan that does not show how people who use the service helped shape it.',
    costBand: 'none',
  },

  // ── Councillors ─────────────────────────────────────────────────────────────────────────
  {
    id: 'councillors-ward-budget',
    for: 'councillors',
    kind: 'financial',
    what: 'A ward budget to back local co-production',
    example:
      'Each councillor has a small ward budget they can use to match-fund projects that residents run with the council.',
    costBand: 'medium',
  },
  {
    id: 'councillors-connector-role',
    for: 'councillors',
    kind: 'non-financial',
    what: 'A named community connector role in their ward',
    example:
      'Councillors take on a recognised role linking residents who want to help with initiatives that need them, with support from officers.',
    costBand: 'none',
  },
  {
    id: 'councillors-member-development',
    for: 'councillors',
    kind: 'non-financial',
    what: 'Member development sessions on co-production',
    example:
      'Members are offered a short session on what co-production looks like in their wards, with a visit to a running initiative.',
    costBand: 'low',
  },
  {
    id: 'councillors-ward-results',
    for: 'councillors',
    kind: 'non-financial',
    what: 'Ward briefings with local results to share with residents',
    example:
      'Each councillor receives a ward briefing listing local initiatives, the people involved and the difference made, ready to use in newsletters and surgeries.',
    costBand: 'none',
  },

  // ── Partner organisations ───────────────────────────────────────────────────────────────
  {
    id: 'partners-free-rooms',
    for: 'partners',
    kind: 'financial',
    what: 'Free use of council rooms for joint work',
    example:
      'Voluntary groups working on a shared initiative can book libraries and community centres without a room charge.',
    costBand: 'low',
  },
  {
    id: 'partners-training-places',
    for: 'partners',
    kind: 'non-financial',
    what: 'Places for partner staff on council training',
    example:
      'Staff and volunteers from partner organisations are offered spare places on safeguarding and co-production courses at no charge.',
    costBand: 'low',
  },
  {
    id: 'partners-named-signatory',
    for: 'partners',
    kind: 'non-financial',
    what: 'Named as a charter signatory in publicity',
    example:
      'Partners who sign a co-production charter have their logo and a short profile on the initiative’s web page and in press releases.',
    costBand: 'none',
  },
  {
    id: 'partners-joint-funding-bids',
    for: 'partners',
    kind: 'non-financial',
    what: 'Support to make joint bids for outside funding',
    example:
      'The council’s funding officer helps partners bid for lottery and trust funding for the initiative, with the council’s letter of support.',
    costBand: 'low',
  },
  {
    id: 'partners-contract-conditions',
    for: 'partners',
    kind: 'deterrent',
    what: 'Co-production conditions in commissioning contracts',
    example:
      'Contracts require providers to involve users in reviewing the service each year and to report what changed. Failing to do so is a contract performance issue that can hold back part of the payment.',
    costBand: 'none',
  },
] satisfies MenuIncentive[]);

/** The menu entries for one stakeholder group (all of them when `group` is absent), in menu order. */
export function menuFor(group?: Stakeholder): MenuIncentive[] {
  return INCENTIVE_MENU.filter((i) => group === undefined || i.for === group);
}
