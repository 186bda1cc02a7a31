/**
 * The built-in case library that `costar explore` browses (SPEC 7, `explore --json`): real examples
 * of co-production from the UK and abroad, tagged by the Four Co's, service area, who takes part
 * and whether people co-produce one by one or together.
 *
 * Every summary is written in our own words from the public source given with each case; figures
 * appear only where a source states them. Nothing here reproduces Governance International's
 * material or any Outcomes Star scale or wording.
 */
import type { AreaTag, CitizenRole, Co } from '../core/vocab.js';

export interface LibraryCase {
  /** Kebab id matching ID_PATTERN. */
  id: string;
  /** Short title. */
  title: string;
  /** Town, city or region. */
  place: string;
  country: string;
  /** Year it started; null only where no source gives one. */
  year: number | null;
  /** One to three case-library area tags. */
  areas: AreaTag[];
  /** Which of the Four Co's it shows (at least one). */
  cos: Co[];
  /** Who co-produces. */
  roles: CitizenRole[];
  mode: 'individual' | 'collective';
  /** Three to five sentences, plain British English. */
  summary: string;
  /** Quantified results where a source gives them, else null. */
  results: string | null;
  /** Where the facts come from. */
  source: string;
}

export const CASES: readonly LibraryCase[] = [
  {
    id: 'lambeth-living-well',
    title: 'Lambeth Living Well Collaborative',
    place: 'Lambeth, London',
    country: 'United Kingdom',
    year: 2010,
    areas: ['mental-health'],
    cos: ['co-commissioning', 'co-design'],
    roles: ['service-users', 'carers', 'frontline-staff'],
    mode: 'collective',
    summary:
      'In January 2010 about 25 commissioners, providers, people who use mental health services and carers in Lambeth began meeting as a collaborative to rethink adult mental health support. Together they redesigned how people get help and created a single front door, the Living Well Network, which offers quick support before problems become a crisis. The partners later bound the arrangement together through an alliance contract. The changes were made without any new money.',
    results:
      'The Living Well Network front door handled more than 1,200 introductions, and monthly referrals into secondary mental health care fell by about half after November 2013.',
    source: 'https://www.local.gov.uk/case-studies/case-study-lambeth-living-well',
  },
  {
    id: 'surrey-services-for-young-people',
    title: 'Surrey services for young people',
    place: 'Surrey',
    country: 'United Kingdom',
    year: 2009,
    areas: ['young-people', 'employment'],
    cos: ['co-commissioning', 'co-design'],
    roles: ['young-people', 'frontline-staff', 'community-groups'],
    mode: 'collective',
    summary:
      "Between 2009 and 2012 Surrey County Council's youth services changed from running services themselves to commissioning outcomes for young people. The council set out to ensure that no young person in the county was left outside education, employment or training, while cutting the budget by a quarter. Young people were consulted in large numbers and helped shape the new commissions, which replaced four separate historical services. Youth centres stayed in council hands but were run with voluntary organisations.",
    results:
      'The number of young people not in education, employment or training fell from about 1,000 to 429 by March 2014, giving Surrey one of the lowest rates in England, alongside a budget cut of about £4.5 million (25%).',
    source:
      'https://www.govint.org/our-resources/case-studies/case-study/the-transformation-of-services-for-young-people-in-surrey-county-council',
  },
  {
    id: 'east-dunbartonshire-present',
    title: 'PRESENT: living well with dementia in East Dunbartonshire',
    place: 'East Dunbartonshire',
    country: 'United Kingdom',
    year: null,
    areas: ['older-people', 'social-care'],
    cos: ['co-design', 'co-delivery'],
    roles: ['service-users', 'carers', 'frontline-staff', 'community-groups'],
    mode: 'collective',
    summary:
      'PRESENT was a joint project of East Dunbartonshire Council, the local dementia network and the Scottish Joint Improvement Team. The area has the highest proportion of older residents of any Scottish council, and its older population was growing fast. The project aimed to give people with dementia a stronger place in their community and to find ways for them to support family, friends and neighbours. In practice this meant looking at what people can still do and offer, not only at what they need.',
    results: null,
    source:
      'http://www.coproductionscotland.org.uk/resources/resource-case-studies/how-present-improves-the-wellbeing-of-people-living-with-dementia-in-east-dunbartonshir',
  },
  {
    id: 'recovery-innovations-arizona',
    title: 'Recovery Innovations peer support',
    place: 'Phoenix, Arizona',
    country: 'United States',
    year: 1990,
    areas: ['mental-health'],
    cos: ['co-delivery'],
    roles: ['service-users', 'frontline-staff'],
    mode: 'individual',
    summary:
      'Recovery Innovations of Arizona is a non-profit that began in 1990 as META Services and later rebuilt itself around the idea that people recover from serious mental illness. It employs many people with their own experience of mental illness as peer support workers, and peers also hold management posts. Newcomers are paired with a peer who helps them tell their own story, value their lived experience and draw up a personal wellness and recovery plan. Staff across the organisation were retrained and policies rewritten to support this way of working.',
    results:
      'By the mid-2000s the organisation was serving more than 10,000 adults with serious mental illness or substance use problems across Maricopa County.',
    source: 'https://docplayer.net/amp/2900438-Recovery-innovations-of-arizona-programs.html',
  },
  {
    id: 'rushey-green-time-bank',
    title: 'Rushey Green Time Bank',
    place: 'Lewisham, London',
    country: 'United Kingdom',
    year: 2000,
    areas: ['health', 'public-health'],
    cos: ['co-delivery'],
    roles: ['patients', 'volunteers', 'frontline-staff', 'community-groups'],
    mode: 'collective',
    summary:
      'Rushey Green Time Bank opened in March 2000 in a GP practice in Lewisham, the first time bank in the UK to be based in a health setting. It was started by local GP Richard Byng with support from the New Economics Foundation and the King’s Fund. Patients and neighbours give time to help each other and receive help in return, with each hour given valued the same. A paid broker matches what people offer with what others need, and partners have included a nursing home and a local church.',
    results: null,
    source: 'http://www.local.gov.uk/web/guest/health/-/journal_content/56/10180/3510860/ARTICLE',
  },
  {
    id: 'paxton-green-time-bank',
    title: 'Paxton Green Time Bank',
    place: 'Lambeth, London',
    country: 'United Kingdom',
    year: 2008,
    areas: ['health'],
    cos: ['co-delivery'],
    roles: ['patients', 'volunteers', 'frontline-staff'],
    mode: 'collective',
    summary:
      'Paxton Green Time Bank was set up in 2008 by a GP practice in south London, with funding from the local primary care trust. Patients and local people swap time and skills, so that someone who receives help can also give it. The model was later extended to GP practices in neighbouring Southwark.',
    results: 'The time bank grew to about 300 active members.',
    source: 'https://commontreasury.org.uk/?idea=paxton-green-time-bank',
  },
  {
    id: 'shared-lives',
    title: 'Shared Lives',
    place: 'Across the UK',
    country: 'United Kingdom',
    year: null,
    areas: ['social-care', 'disability'],
    cos: ['co-delivery'],
    roles: ['carers', 'families', 'service-users'],
    mode: 'individual',
    summary:
      "In Shared Lives, an adult who needs long-term support is matched with an approved carer and joins in that carer's household and family life. About half the people using it live with their carer, while the others visit for day support or overnight breaks. Carers are recruited, trained and supported by local schemes, which are regulated and run or commissioned by councils' adult social care services. Most people using it have a learning disability, but it also supports people with mental health needs, older people and others.",
    results:
      'About 10,000 Shared Lives carers work through some 140 regulated schemes in the UK; the care regulator rates 96% of schemes good or outstanding, and it typically costs about £30,000 a year less per person with a learning disability.',
    source: 'https://sharedlivesplus.org.uk/what-is-shared-lives-care/',
  },
  {
    id: 'local-area-coordination',
    title: 'Local Area Coordination',
    place: 'Western Australia, then Derby, Thurrock and other areas of England and Wales',
    country: 'Australia',
    year: 1988,
    areas: ['disability', 'social-care'],
    cos: ['co-design', 'co-delivery'],
    roles: ['service-users', 'families', 'carers', 'community-groups'],
    mode: 'individual',
    summary:
      'Local Area Coordination was developed in Western Australia in 1988 and has since been taken up by councils in England and Wales, including Derby and Thurrock. A coordinator is based in a small local area and gets to know disabled people, people with mental health needs, older people and their families, often before they need formal services. The coordinator helps each person work out what a good life means for them and find practical answers through their own networks and the wider community. Formal services come in only where these other routes are not enough.',
    results:
      'Forecast social return on investment studies for Derby and Thurrock councils each estimated about £4 of social value for every £1 invested.',
    source: 'http://www.thinklocalactpersonal.org.uk/News/PersonalisationNewsItem/?cid=11015',
  },
  {
    id: 'porto-alegre-participatory-budgeting',
    title: 'Porto Alegre participatory budgeting',
    place: 'Porto Alegre',
    country: 'Brazil',
    year: 1989,
    areas: ['democracy'],
    cos: ['co-commissioning'],
    roles: ['residents', 'community-groups'],
    mode: 'collective',
    summary:
      "Porto Alegre began participatory budgeting in 1989 under a Workers' Party city government. Residents met in neighbourhood assemblies across 17 regions to discuss local needs and rank priorities for public investment. Delegates chosen by the assemblies then worked with city officials to turn those priorities into the investment plan. The process was later scaled back and suspended, but the model was copied around the world.",
    results:
      'By 2002 residents were deciding about 15% of the investment budget, roughly US$160 million, and more than 2,700 governments went on to adopt participatory budgeting.',
    source: 'https://www.sdg16.plus/policies/participatory-budgeting-brazil',
  },
  {
    id: 'buurtzorg',
    title: 'Buurtzorg neighbourhood nursing',
    place: 'Almelo, then across the Netherlands',
    country: 'Netherlands',
    year: 2006,
    areas: ['health', 'social-care', 'older-people'],
    cos: ['co-delivery'],
    roles: ['frontline-staff', 'patients', 'families'],
    mode: 'individual',
    summary:
      'Buurtzorg, Dutch for neighbourhood care, was founded in 2006 by district nurse Jos de Blok and began with a team of four nurses in Almelo. Nurses work in small self-governing teams without middle managers and provide the whole range of home care, from clinical tasks to help with washing and eating. Their aim is to make clients stronger and more independent, drawing in family, neighbours and local networks rather than doing everything themselves. The model has attracted interest from the UK, the US, China, Sweden and Germany.',
    results: 'By 2017 there were about 900 teams with 10,000 staff, caring for around 90,000 clients a year.',
    source: 'https://www.bmj.com/content/358/bmj.j3140',
  },
  {
    id: 'expert-patients-programme',
    title: 'Expert Patients Programme',
    place: 'England',
    country: 'United Kingdom',
    year: 2002,
    areas: ['health'],
    cos: ['co-delivery'],
    roles: ['patients', 'volunteers'],
    mode: 'collective',
    summary:
      'The Expert Patients Programme offered people with long-term conditions a six-week course in managing their own health. The courses were led by trained lay tutors rather than clinicians, and participants learned from each other as well as from the tutors. It was based on the Stanford chronic disease self-management programme and piloted in the NHS in England between 2002 and 2006.',
    results:
      'The pilot offered about 12,000 course places a year and was evaluated through a randomised controlled trial with 629 participants.',
    source:
      'https://mja.com.au/journal/2008/189/10/united-kingdom-expert-patients-programme-results-and-implications-national',
  },
  {
    id: 'fixmystreet',
    title: 'FixMyStreet',
    place: 'Across the UK',
    country: 'United Kingdom',
    year: 2007,
    areas: ['environment'],
    cos: ['co-assessment', 'co-delivery'],
    roles: ['residents'],
    mode: 'individual',
    summary:
      'FixMyStreet, built by the charity mySociety and launched in 2007 under the name Neighbourhood Fix-It, lets anyone report a street problem by placing it on a map. The site works out which council or other body is responsible and sends the report there, and people can choose to report anonymously. Reports and updates are public, so residents can see what has been reported nearby and whether it has been put right. Councils can link it to their own systems through the Open311 standard, and the software has been reused abroad, for example in Zürich.',
    results: 'More than 1,000 reports arrived in the first week, and the total later passed one million.',
    source: 'https://www.mysociety.org/tag/fault-reporting-software/page/2/',
  },
  {
    id: 'wigan-deal',
    title: 'The Wigan Deal',
    place: 'Wigan',
    country: 'United Kingdom',
    year: 2011,
    areas: ['whole-council', 'public-health'],
    cos: ['co-commissioning', 'co-design', 'co-delivery'],
    roles: ['residents', 'community-groups', 'frontline-staff'],
    mode: 'collective',
    summary:
      'The Wigan Deal is an informal agreement between Wigan Council and the people who live and work in the borough, developed from 2011 when the council faced a budget gap of about £160 million. The council promised to keep council tax low, support communities and build services around people, while residents were asked to recycle more, volunteer and use online services. Staff across the council were encouraged to start from what people can do and what matters to them, rather than what they lack. Money was also put into community groups so they could take on more.',
    results:
      'The council reported budget savings of about £140 million, several years of frozen council tax, £10 million invested in community groups and an 8% rise in recycling.',
    source:
      'https://www.lgcplus.com/idea-exchange/council-of-the-year-the-wigan-deal-is-our-social-movement/7028545.article',
  },
  {
    id: 'hag-fold-alcohol-health-champions',
    title: 'Communities in Charge of Alcohol, Hag Fold',
    place: 'Hag Fold, Atherton, Wigan',
    country: 'United Kingdom',
    year: 2017,
    areas: ['public-health'],
    cos: ['co-delivery'],
    roles: ['volunteers', 'residents'],
    mode: 'collective',
    summary:
      'Communities in Charge of Alcohol is a Greater Manchester programme, begun in 2017, that trains local volunteers as alcohol health champions in neighbourhoods with high levels of alcohol harm. In Hag Fold, residents supported by Wigan Council and the charity Addaction gained a recognised qualification in understanding alcohol misuse. The champions talk informally with family, friends and colleagues about drinking, point people to specialist help and healthier alternatives, and can take part in local licensing decisions. They also run drop-in sessions and stalls and train other residents.',
    results:
      'Hag Fold had 31 volunteer champions, and after pilots in nine of the ten Greater Manchester boroughs the programme was rolled out nationally.',
    source:
      'https://www.leighjournal.co.uk/news/18180457.programme-tackle-alcohol-misuse-borough-rolled-nationally/',
  },
  {
    id: 'compassionate-frome',
    title: 'Compassionate Frome',
    place: 'Frome, Somerset',
    country: 'United Kingdom',
    year: 2013,
    areas: ['health', 'public-health'],
    cos: ['co-delivery', 'co-design'],
    roles: ['patients', 'volunteers', 'community-groups', 'frontline-staff'],
    mode: 'collective',
    summary:
      "Compassionate Frome was set up in 2013 by a GP at Frome Medical Practice together with the community service Health Connections Mendip. It links patients whose problems go beyond medicine, such as loneliness, with the support of family, friends, neighbours and local groups. Health connectors help people find that support, while volunteer community connectors pass on what is available through their own networks. Where there were gaps, new groups were set up with local people, such as talking cafés and support groups for particular conditions.",
    results:
      'A directory of more than 400 local services and groups was built up, and emergency hospital admissions in the town fell by 17% while the cost of admissions fell by 21%.',
    source: 'https://www.pointsoflight.gov.uk/compassionate-frome/',
  },
  {
    id: 'fureai-kippu',
    title: 'Fureai Kippu caring relationship tickets',
    place: 'Across Japan',
    country: 'Japan',
    year: 1995,
    areas: ['older-people', 'social-care'],
    cos: ['co-delivery'],
    roles: ['volunteers', 'older-people', 'families'],
    mode: 'individual',
    summary:
      'Fureai Kippu, meaning tickets for a caring relationship, is a time-credit system set up in Japan in 1995 by the Sawayaka Welfare Foundation. People earn credits for each hour they spend helping older people in their community, for example with shopping. Credits can be saved until the helper needs support later in life, or sent through clearing houses to relatives who live elsewhere in the country. Older people have been found to prefer help from people earning credits over help paid for in cash.',
    results: null,
    source: 'https://en.wikipedia.org/wiki/Fureai_kippu',
  },
  {
    id: 'ways-to-wellness',
    title: 'Ways to Wellness social prescribing',
    place: 'Newcastle upon Tyne',
    country: 'United Kingdom',
    year: 2015,
    areas: ['health', 'public-health'],
    cos: ['co-delivery'],
    roles: ['patients', 'frontline-staff', 'community-groups'],
    mode: 'individual',
    summary:
      'Ways to Wellness is a social prescribing service for people with long-term conditions such as diabetes, heart disease and breathing problems, begun in April 2015 in the west of Newcastle. GP practices refer patients to a link worker, who helps them work out what is getting in the way of managing their health and agree a plan of action. Plans can include joining local groups, getting more active, healthy cooking or help with benefits, and people stay with the service for many months. It was the first health service in the world to be funded through a social impact bond.',
    results:
      'The investor reports that more than 6,600 adults started the programme and that their secondary care costs fell by an average of 27%.',
    source:
      'https://bridgesoutcomespartnerships.org/work/adults/health-wellbeing-independence/ways-to-wellness',
  },
  {
    id: 'decidim-barcelona',
    title: 'Decidim Barcelona',
    place: 'Barcelona',
    country: 'Spain',
    year: 2016,
    areas: ['democracy'],
    cos: ['co-commissioning', 'co-design'],
    roles: ['residents', 'community-groups'],
    mode: 'collective',
    summary:
      "Barcelona City Council launched Decidim in early 2016 so that residents could help write the city's plan of action for 2016 to 2019. The platform lets people make and debate proposals, support other people's ideas and follow what happens to them, alongside face-to-face meetings in every neighbourhood. It started as an adaptation of Madrid's software, was rewritten from scratch in 2017 and is open source, so other public bodies can run their own copy.",
    results:
      'By March 2019 the platform had more than 31,000 registered users and had gathered over 9,000 proposals from residents.',
    source:
      'https://ajuntament.barcelona.cat/innovaciodemocratica/en/noticia/report-on-the-decidim-platform-2016-2019_792822',
  },
  {
    id: 'decide-madrid',
    title: 'Decide Madrid',
    place: 'Madrid',
    country: 'Spain',
    year: 2015,
    areas: ['democracy'],
    cos: ['co-commissioning', 'co-design'],
    roles: ['residents'],
    mode: 'collective',
    summary:
      'Madrid City Council launched the Decide Madrid website in 2015 so that residents could propose and debate ideas, answer consultations and choose projects for a participatory budget. Any resident can put forward a proposal, and one that wins the support of 1% of residents aged over 16 goes forward to a public vote. The open-source software behind it, later called CONSUL Democracy, has been taken up by many other cities and institutions.',
    results:
      'Between 2015 and 2018 participants rose from about 45,000 to over 90,000 and the participatory budget from €30 million to €100 million, and nearly 27,000 people voted on plans to remodel the Plaza de España.',
    source: 'https://docs.consuldemocracy.org/use_cases/spain/madrid',
  },
  {
    id: 'new-york-participatory-budgeting',
    title: 'Participatory budgeting in New York City',
    place: 'New York City',
    country: 'United States',
    year: 2011,
    areas: ['democracy'],
    cos: ['co-commissioning'],
    roles: ['residents', 'councillors', 'community-groups'],
    mode: 'collective',
    summary:
      'In 2011 four New York City Council members agreed to let the residents of their districts decide how to spend part of their discretionary capital budgets. Residents put forward ideas at community meetings, local volunteers help turn them into workable projects, and residents then vote. The projects are physical improvements, for example to schools, parks, libraries and housing. The council members then put the winning projects forward to the City Council for funding.',
    results:
      'By the 2013 to 2014 cycle nine council districts took part, giving residents a say over about $12 million.',
    source: 'http://pbnyc.org/content/about',
  },
  {
    id: 'reykjavik-better-neighbourhoods',
    title: 'Better Neighbourhoods, Reykjavik',
    place: 'Reykjavik',
    country: 'Iceland',
    year: 2012,
    areas: ['democracy'],
    cos: ['co-commissioning'],
    roles: ['residents'],
    mode: 'collective',
    summary:
      "After the 2008 financial crash left trust in Icelandic politics very low, the non-profit Citizens Foundation built the Better Reykjavik website, and from 2012 the city used it for participatory budgeting in its districts. Residents submit ideas for local improvements and the city checks their cost and feasibility. Residents then vote, each working within a budget equal to the total on offer, which helps people see the trade-offs involved. The city carries out the winning projects, such as benches, footpaths, playgrounds and better lighting.",
    results:
      'About 300 million krónur (around €1.9 million) a year was shared across ten districts, and residents approved 420 ideas between 2012 and 2015.',
    source:
      'http://www.citizens.is/portfolio/better-neighborhoods-helps-citizens-understand-the-realities-of-budgeting/',
  },
  {
    id: 'fortrose-getting-to-know-your-techno',
    title: 'Getting to Know Your Techno',
    place: 'Fortrose, Highland',
    country: 'United Kingdom',
    year: null,
    areas: ['digital-inclusion', 'older-people', 'education'],
    cos: ['co-delivery'],
    roles: ['young-people', 'older-people', 'volunteers'],
    mode: 'individual',
    summary:
      'In Fortrose in the Scottish Highlands, secondary school pupils coached older residents in using computers, tablets and phones. Pupils aged 13 to 17 met their older partners for weekly one-to-one sessions. Their volunteering counted towards Saltire awards, which recognise young people who give their time in Scotland. The project built digital confidence among older people while bringing the generations together.',
    results: 'Twenty-eight pupils coached 25 people aged over 60.',
    source: 'https://generationsworkingtogether.org/case-studies/getting-to-know-your-techno',
  },
  {
    id: 'age-uk-devon-skype',
    title: "The Skype's the Limit",
    place: 'Devon',
    country: 'United Kingdom',
    year: 2011,
    areas: ['digital-inclusion', 'older-people'],
    cos: ['co-delivery'],
    roles: ['older-people', 'volunteers', 'carers'],
    mode: 'individual',
    summary:
      'Age UK Devon ran this project from April 2011 to January 2012 to reduce the isolation of older carers. Older volunteers were trained to show other older carers how to use Skype, so they could keep in touch with family and friends by video call. Because the helpers were of a similar age, learners got support from peers rather than from professionals.',
    results: 'The project set out to reach 24 isolated older carers.',
    source: 'https://secure.thebiggive.org.uk/projects/view/11160/The+Skype%27s+the+limit!',
  },
  {
    id: 'victoria-local-priority-policing',
    title: 'Local Priority Policing, Victoria',
    place: 'Victoria',
    country: 'Australia',
    year: 1999,
    areas: ['community-safety'],
    cos: ['co-commissioning', 'co-design'],
    roles: ['residents', 'community-groups', 'frontline-staff'],
    mode: 'collective',
    summary:
      'In 1999 Victoria Police adopted Local Priority Policing as a core principle of how it works. The approach aimed to bring local people’s views into setting policing priorities and to build partnerships with communities to prevent and respond to crime. It sat alongside local police and community consultative committees that met in many areas. Later reviews found that police and community members were often frustrated with how consultation worked in practice, and the lessons shaped the force’s next service model.',
    results: null,
    source: 'https://docslib.org/doc/2081034/casey-j-pike-d',
  },
  {
    id: 'paris-participatory-budget',
    title: 'Paris participatory budget',
    place: 'Paris',
    country: 'France',
    year: 2014,
    areas: ['democracy', 'environment'],
    cos: ['co-commissioning'],
    roles: ['residents', 'community-groups'],
    mode: 'collective',
    summary:
      "In 2014 the Mayor of Paris promised that residents would decide how 5% of the city's investment budget was spent, about €426 million over the 2014 to 2020 term. In the first round residents chose from a shortlist prepared by the city, voting online or on paper at town halls. From 2015 residents and community groups could submit their own ideas for the whole city or for their district, which city departments then costed before a public vote. Voting is open to every resident, whatever their age or nationality.",
    results:
      'In 2015 residents submitted 5,114 ideas, and 8 citywide and 180 district projects worth almost €70 million were chosen.',
    source:
      'https://www.apur.org/en/our-works/participatory-budget-what-do-parisians-dream-analysis-projects-submitted-2015',
  },
  {
    id: 'tower-hamlets-you-decide',
    title: 'You Decide!, Tower Hamlets',
    place: 'Tower Hamlets, London',
    country: 'United Kingdom',
    year: 2009,
    areas: ['democracy'],
    cos: ['co-commissioning', 'co-assessment'],
    roles: ['residents', 'councillors', 'frontline-staff'],
    mode: 'collective',
    summary:
      "Tower Hamlets Council's You Decide! ran in 2009 and 2010 and let residents choose which extra local services to buy for their area. Service providers offered a costed list of options, and at a public event in each of eight local areas residents heard about the options, discussed them and voted in rounds until the money was spent. Steering groups of residents, councillors and service providers in each area then helped monitor and shape how the chosen services were delivered. The local primary care trust added money in the second year.",
    results:
      'About 815 people took part in the first year, deciding how to spend around £2.4 million a year, and over the two years more than £5 million was allocated this way.',
    source: 'https://www.local.gov.uk/case-studies/tower-hamlets-you-decide',
  },
  {
    id: 'mollington-neighbourhood-watch',
    title: 'Neighbourhood Watch, first UK scheme',
    place: 'Mollington, Cheshire',
    country: 'United Kingdom',
    year: 1982,
    areas: ['community-safety'],
    cos: ['co-delivery'],
    roles: ['residents', 'volunteers'],
    mode: 'collective',
    summary:
      "Britain's first Neighbourhood Watch, at first called Home Watch, began in 1982 in the Cheshire village of Mollington after residents became worried about a series of burglaries. The chairman of the residents' association went to the local crime prevention office, and police helped set up a scheme in which neighbours kept an eye on each other's homes and reported anything suspicious. The police stressed that it was about good neighbourliness and home security, not snooping or vigilantism. The idea spread quickly, with officers from 34 police forces coming to see how it worked.",
    results: 'After the scheme was launched the burglaries in the village stopped.',
    source: 'https://www.happy-valley.org.uk/homewatch/history.htm',
  },
  {
    id: 'community-speedwatch',
    title: 'Community Speedwatch',
    place: 'Across England',
    country: 'United Kingdom',
    year: null,
    areas: ['transport', 'community-safety'],
    cos: ['co-delivery', 'co-assessment'],
    roles: ['residents', 'volunteers'],
    mode: 'collective',
    summary:
      'Community Speedwatch lets trained volunteers check traffic speeds on their own roads with the support and supervision of the local police. Working in small teams with approved detection devices, they record the registration, speed and description of vehicles going over the limit. The police then write to the registered keeper, and drivers recorded again may get a visit from an officer or face enforcement. The records also show where speeding is a persistent problem, which can lead to targeted police checks or changes to the road.',
    results: null,
    source:
      'https://www.chalfontstgiles-pc.gov.uk/2022/11/join-community-speedwatch-help-to-reduce-speeding-in-your-area/',
  },
  {
    id: 'street-pastors',
    title: 'Street Pastors',
    place: 'Brixton, London, then across the UK',
    country: 'United Kingdom',
    year: 2003,
    areas: ['community-safety'],
    cos: ['co-delivery'],
    roles: ['volunteers', 'community-groups'],
    mode: 'collective',
    summary:
      'Street Pastors was launched in Brixton in April 2003 by the charity Ascension Trust, when 18 trained volunteers from local churches went out to help people on a night out. Teams usually patrol from 10pm to 4am on Friday and Saturday nights, listening to people and helping those who are vulnerable. Each local project is run by a coordinator with local churches and community groups, in partnership with the police, the council and other agencies. Street pastors have no enforcement powers and keep their independence.',
    results: 'About 11,000 volunteers have been trained, and teams work in more than 240 UK towns and cities.',
    source: 'https://www.streetpastors.org/about-us/',
  },
  {
    id: 'family-group-conferences',
    title: 'Family group conferences',
    place: 'Across New Zealand',
    country: 'New Zealand',
    year: 1989,
    areas: ['children', 'social-care'],
    cos: ['co-design', 'co-delivery'],
    roles: ['families', 'young-people', 'frontline-staff'],
    mode: 'individual',
    summary:
      "New Zealand's Children, Young Persons and Their Families Act 1989 made the family group conference the usual way to plan for children in need of care or protection and for young people who offend. A coordinator prepares everyone, then the child or young person, parents, wider family and whānau, professionals and, where there has been offending, any victims meet to share information and talk through the concerns. The conference is led by the family, who work out a plan to keep the child safe and well. Support continues afterwards so that the plan is carried through.",
    results: null,
    source:
      'https://practice.orangatamariki.govt.nz/our-work/interventions/family-group-conferencing/about-family-group-conferencing/',
  },
  {
    id: 'leeds-neighbourhood-networks',
    title: 'Leeds Neighbourhood Networks',
    place: 'Leeds',
    country: 'United Kingdom',
    year: null,
    areas: ['older-people', 'social-care'],
    cos: ['co-commissioning', 'co-delivery'],
    roles: ['older-people', 'volunteers', 'community-groups'],
    mode: 'collective',
    summary:
      'Leeds Neighbourhood Networks are local community organisations that help older people stay independent and take part in community life, the first of them set up in the 1980s. They now cover every part of the city, and each is governed by local people, so older members help decide what their network does. Activities range from lunch clubs, exercise classes and befriending to digital skills sessions and help with shopping or prescriptions. Leeds City Council and the NHS part-fund the networks, and the council began commissioning them directly in 2010.',
    results:
      'In early 2022 the networks, covering 37 areas through 31 voluntary organisations, reported 25,350 members and more than 700 activities.',
    source: 'https://news.leeds.gov.uk/leeds-spotlight/neighbourhood-networks',
  },
  {
    id: 'mens-sheds',
    title: "Men's sheds",
    place: 'Tongala, Victoria, then across Australia, the UK and Ireland',
    country: 'Australia',
    year: 1998,
    areas: ['mental-health', 'older-people'],
    cos: ['co-delivery'],
    roles: ['older-people', 'volunteers', 'community-groups'],
    mode: 'collective',
    summary:
      "Men's sheds are community workshops where people, mostly older men, meet to make and mend things together. The movement grew out of concern about men's health and isolation raised at an Australian health conference in the mid-1990s, and the first shed using the name opened in Tongala, Victoria, in 1998. Members share skills with one another and often build or repair things for their community. Sheds are now found in the UK, Ireland and many other countries, and some welcome anyone regardless of age or gender.",
    results: 'There are more than 900 sheds across Australia.',
    source: "https://en.wikipedia.org/wiki/Men%27s_shed",
  },
  {
    id: 'lets-do-it-estonia',
    title: "Let's Do It! Estonia clean-up",
    place: 'Across Estonia',
    country: 'Estonia',
    year: 2008,
    areas: ['environment'],
    cos: ['co-delivery'],
    roles: ['volunteers', 'residents', 'community-groups'],
    mode: 'collective',
    summary:
      'On 3 May 2008 more than 50,000 people in Estonia, about 4% of the population, cleared illegally dumped rubbish from forests and the countryside in a single day. Beforehand volunteers used their phones to record more than 10,000 dumping sites on an online map. People signed up in teams of 3 to 15 and received their instructions by email, and more than 500 partner organisations helped. The idea spread to Latvia, Lithuania, Slovenia and eventually to a global World Cleanup Day.',
    results:
      'More than 10,000 tonnes of waste was removed in about five hours for under €500,000, against an estimate of three years and €22.5 million had the state done it alone.',
    source: "https://en.wikipedia.org/wiki/Let%27s_Do_It_2008",
  },
  {
    id: 'orangi-pilot-project',
    title: 'Orangi Pilot Project',
    place: 'Orangi, Karachi',
    country: 'Pakistan',
    year: 1980,
    areas: ['environment', 'public-health', 'housing'],
    cos: ['co-design', 'co-delivery'],
    roles: ['residents', 'community-groups'],
    mode: 'collective',
    summary:
      "The Orangi Pilot Project was set up in 1980 by social scientist Akhtar Hameed Khan in Orangi, one of Karachi's largest informal settlements, where most homes relied on bucket latrines and open drains. Rather than give charity, it helped residents organise street by street to plan, pay for and build their own lane sewers and household toilets, using low-cost designs and technical advice from the project. Public bodies were left to provide the larger main sewers that the lanes connect to.",
    results: 'Residents have installed about 72,000 household toilets and laid around 1.3 million feet of sewer lines.',
    source: 'https://www.wateraid.org/pk/stories/sanitation-in-orangi-town-karachi',
  },
  {
    id: 'nuka-system-of-care',
    title: 'Nuka System of Care',
    place: 'Anchorage and Southcentral Alaska',
    country: 'United States',
    year: 1999,
    areas: ['health'],
    cos: ['co-commissioning', 'co-design', 'co-assessment'],
    roles: ['patients', 'families', 'community-groups'],
    mode: 'collective',
    summary:
      'Southcentral Foundation, a non-profit owned and run by Alaska Native people, took over health services for its population in the late 1990s after federal law let tribes run their own services. Patients became customer-owners, and the whole system was redesigned around long-term relationships between each person and a primary care team. Traditional healing is offered alongside medical, dental and behavioural care, and programmes such as Family Wellness Warriors tackle domestic violence and neglect. Alaska Native people take part in managing the system in several ways and give feedback through many channels, which shapes how services change.',
    results: 'It serves around 60,000 Alaska Native and American Indian people, mostly on a prepaid basis.',
    source: 'https://www.kingsfund.org.uk/publications/population-health-systems/nuka-system-care-alaska',
  },
  {
    id: 'altogether-better',
    title: 'Altogether Better community health champions',
    place: 'Yorkshire and the Humber',
    country: 'United Kingdom',
    year: 2008,
    areas: ['public-health', 'health'],
    cos: ['co-delivery', 'co-design'],
    roles: ['volunteers', 'patients', 'residents', 'frontline-staff'],
    mode: 'collective',
    summary:
      'Altogether Better began in 2008 as a Big Lottery-funded programme to recruit and train volunteer community health champions in Yorkshire and the Humber. Champions are local people who use their own experience to help friends, family and neighbours lead healthier lives, often by running health walks, peer support groups and exercise sessions. The programme later focused on champions working inside GP practices alongside staff. There they help practices understand their communities and spot chances to redesign services.',
    results:
      'In Sheffield alone, 130 champions gave more than 10,000 hours and supported over 5,000 people to change their lifestyles, and more than 40 went on to paid work.',
    source: 'https://www.yorkshirepost.co.uk/news/volunteers-healthy-lifestyles-mission-yorkshire-1946776',
  },
  {
    id: 'care-opinion',
    title: 'Care Opinion',
    place: 'Sheffield, then across the UK',
    country: 'United Kingdom',
    year: 2005,
    areas: ['health', 'social-care'],
    cos: ['co-assessment'],
    roles: ['patients', 'carers', 'service-users'],
    mode: 'individual',
    summary:
      'Care Opinion, known as Patient Opinion until 2017, was founded by Sheffield GP Paul Hodgkin and piloted in South Yorkshire in 2005 before going national in January 2006. Patients, carers and relatives post their own accounts of health and care services online, and these are passed to the staff and managers responsible. Services are encouraged to reply in public, say what they will change and report back once they have done it. It is a non-profit funded by subscribing organisations and is free for the public to use.',
    results: 'It is used by more than 90% of NHS trusts, and about two in three stories receive a response.',
    source: 'https://en.wikipedia.org/wiki/Care_Opinion',
  },
  {
    id: 'tenant-scrutiny-panels',
    title: 'Tenant scrutiny panels',
    place: 'Across England',
    country: 'United Kingdom',
    year: 2010,
    areas: ['housing'],
    cos: ['co-assessment'],
    roles: ['tenants'],
    mode: 'collective',
    summary:
      'Since new regulatory arrangements for social housing in 2010, many councils, arm’s-length management organisations and housing associations in England have set up panels of tenants to scrutinise their services. Trained panel members choose a service to examine, such as how repairs are reported, and gather evidence from performance data, case files, interviews and mystery shopping. They present recommendations to the landlord’s board or committee and track an agreed action plan until it is carried out. Panels cannot make decisions themselves, but they hold landlords to account and help change the culture.',
    results: null,
    source: 'https://www.theguardian.com/housing-network/2013/oct/28/tenant-scrutiny-steps-improve-social',
  },
  {
    id: 'young-inspectors',
    title: 'Young Inspectors',
    place: 'Across England',
    country: 'United Kingdom',
    year: 2009,
    areas: ['young-people', 'disability'],
    cos: ['co-assessment'],
    roles: ['young-people'],
    mode: 'collective',
    summary:
      'Between 2009 and 2011 the Youth4U Young Inspectors pilot, run by a consortium led by the National Children’s Bureau, helped 33 councils train young people to inspect local services. It focused on young people whose voices are rarely heard, aged 13 to 19 or up to 25 for disabled young people, who were paid for their inspections and could gain accreditation. They assessed places such as leisure centres, libraries and youth and health services, often by mystery shopping, and reported back with recommendations that providers were expected to act on. Many councils, including Calderdale, kept their schemes going after the pilot money ended.',
    results:
      'The £4.5 million pilot recruited and trained more than 1,450 young people, and 22 areas continued their schemes afterwards.',
    source: 'https://www.cypnow.co.uk/features/article/the-young-inspectors',
  },
  {
    id: 'cqc-experts-by-experience',
    title: 'Experts by Experience in care inspections',
    place: 'England',
    country: 'United Kingdom',
    year: null,
    areas: ['social-care', 'health'],
    cos: ['co-assessment'],
    roles: ['service-users', 'carers'],
    mode: 'individual',
    summary:
      'The Care Quality Commission, which regulates health and social care in England, recruits, trains and supports people with first-hand experience of care to take part in its inspections. These Experts by Experience have either used a type of service themselves or cared for someone who has. They join inspection visits or talk to people who use the service, and report what they find to the lead inspector, who takes it into account when reaching a judgement. Their part was seen as especially valuable in inspections of hospital units for people with learning disabilities after the Winterbourne View scandal.',
    results: null,
    source:
      'https://engage.dhsc.gov.uk/francisresponse/recommendation/integrating-patients-into-the-care-quality-commissions-structure/',
  },
  {
    id: 'fifteen-steps-challenge',
    title: '15 Steps Challenge',
    place: 'England',
    country: 'United Kingdom',
    year: 2012,
    areas: ['health'],
    cos: ['co-assessment', 'co-design'],
    roles: ['patients', 'carers', 'frontline-staff'],
    mode: 'collective',
    summary:
      'The 15 Steps Challenge grew from a mother’s remark that she could tell what care her daughter would get within fifteen steps of walking on to a hospital ward. Developed with patients, relatives and staff, it guides small teams that include patients and carers through walkarounds of wards and other services. Team members record their first impressions of how the place looks, sounds and feels from a patient’s point of view, and the findings feed into improvement plans. NHS England refreshed the toolkits in 2017 for inpatient, mental health, community, outpatient and children’s services.',
    results: null,
    source: 'https://www.england.nhs.uk/get-involved/resources/15-steps-challenge/',
  },
  {
    id: 'patient-led-assessments-place',
    title: 'Patient-led assessments of the care environment (PLACE)',
    place: 'England',
    country: 'United Kingdom',
    year: 2013,
    areas: ['health'],
    cos: ['co-assessment'],
    roles: ['patients', 'residents', 'frontline-staff'],
    mode: 'collective',
    summary:
      'Since April 2013 hospitals and hospices providing NHS-funded care in England have been assessed each year by teams that include local people, known as patient assessors. The teams walk round the site and rate cleanliness, food, privacy and dignity, the condition of the buildings and how well the setting meets the needs of people with dementia or a disability. At least half of each team must be patient assessors. Results are published nationally so that hospitals can see how they compare and where to improve.',
    results: null,
    source:
      'https://digital.nhs.uk/data-and-information/areas-of-interest/estates-and-facilities/patient-led-assessments-of-the-care-environment-place',
  },
  {
    id: 'riedlingen-senior-cooperative',
    title: 'Seniorengenossenschaft Riedlingen',
    place: 'Riedlingen, Baden-Württemberg',
    country: 'Germany',
    year: 1991,
    areas: ['older-people', 'social-care'],
    cos: ['co-delivery'],
    roles: ['older-people', 'volunteers'],
    mode: 'collective',
    summary:
      "Riedlingen's senior citizens' cooperative was founded in April 1991 with 111 members, the first of its kind in Germany. Fit and active older members help others stay in their own homes, with tasks such as shopping, gardening, clearing snow, delivering meals and driving people to appointments. Helpers can take a modest hourly payment or bank their hours to draw on when they need help themselves. The cooperative has grown to run day care and other services and has been copied elsewhere.",
    results: null,
    source:
      'https://www.tagesspiegel.de/themen/reportage/seniorengenossenschaft-wie-sie-in-riedlingen-das-demografieproblem-geloest-haben/23074024.html',
  },
  {
    id: 'buergerbus',
    title: 'Bürgerbus community buses',
    place: 'Rural areas across Germany',
    country: 'Germany',
    year: 1985,
    areas: ['transport', 'older-people'],
    cos: ['co-delivery'],
    roles: ['volunteers', 'residents', 'older-people'],
    mode: 'collective',
    summary:
      "A Bürgerbus, or citizens' bus, is a timetabled minibus service driven by unpaid volunteers, usually organised through a local association in a rural area that ordinary buses no longer serve. Germany's first line started in 1985, following examples in the Netherlands. The local councils where the buses run usually pay for the vehicles, while volunteers organise and drive the services. For older people without a car they are often the only way to reach the doctor, the shops or the next town.",
    results: 'By 2014 there were about 250 lines across Germany, 118 of them in North Rhine-Westphalia.',
    source: 'https://mittelstand-nachrichten.de/karriere/ehrenamtliche-busfahrer-retten-doerfer',
  },
  {
    id: 'carmarthenshire-time-credits',
    title: 'Carmarthenshire Time Credits',
    place: 'Carmarthenshire',
    country: 'United Kingdom',
    year: 2012,
    areas: ['whole-council'],
    cos: ['co-delivery'],
    roles: ['volunteers', 'residents', 'community-groups'],
    mode: 'collective',
    summary:
      'Spice, a social enterprise that grew out of time banking work in the south Wales valleys, worked with Carmarthenshire County Council to build a Time Credits programme across the county. People earn one Time Credit for each hour they give to their community or to a local service. They can spend credits on events, training and leisure, often using spare places at venues, or pass them on to thank someone else. Services and community groups create new ways to give time that fit local people’s interests, skills and availability.',
    results:
      'By May 2014 the programme had 600 members aged from 3 to 97, who had given more than 17,500 hours through 70 organisations.',
    source: 'https://www.scribd.com/document/239569741/Carmarthenshire-Time-Credits-May-2014-Final',
  },
  {
    id: 'in-control-self-directed-support',
    title: 'In Control self-directed support',
    place: 'Wigan and other pilot councils, England',
    country: 'United Kingdom',
    year: 2003,
    areas: ['social-care', 'disability'],
    cos: ['co-commissioning', 'co-design'],
    roles: ['service-users', 'families', 'carers'],
    mode: 'individual',
    summary:
      'In Control began in 2003, led by the learning disability charity Mencap with six pilot councils including Wigan, to test self-directed support. After a self-assessment, each person is told how much money is available for their support and then plans, with family and advisers, how to use it. Once the council agrees the plan, people can buy traditional services or design something of their own, such as employing personal assistants they choose. The approach went further than direct payments and shaped the later national move to personal budgets in adult social care.',
    results:
      'In the first phase, from 2003 to 2005, the share of people satisfied with their support rose from 42% to 97%, and by 2008 over 100 councils were working with In Control.',
    source:
      'https://www.hsj.co.uk/home/high-impact-changes-for-health-and-social-care-personalised-services-/825482.article',
  },
  {
    id: 'big-local',
    title: 'Big Local',
    place: '150 neighbourhoods across England',
    country: 'United Kingdom',
    year: 2012,
    areas: ['democracy'],
    cos: ['co-commissioning', 'co-delivery'],
    roles: ['residents', 'community-groups'],
    mode: 'collective',
    summary:
      'Big Local gave 150 disadvantaged neighbourhoods in England that had missed out on funding in the past just over £1 million each to spend over 10 to 15 years. The money came from the National Lottery Community Fund, and the programme was run by Local Trust, set up in 2012, with no targets imposed from above and no competition between areas. In each area a partnership led by residents set priorities and decided how the money was spent, involving the wider community. Many areas moved from small grants to larger projects, some working with councils and other agencies.',
    results: null,
    source: 'https://www.learningfrombiglocal.org.uk/about',
  },
  {
    id: 'scotland-community-choices',
    title: 'Community Choices participatory budgeting in Scotland',
    place: 'Across Scotland',
    country: 'United Kingdom',
    year: 2017,
    areas: ['democracy', 'whole-council'],
    cos: ['co-commissioning'],
    roles: ['residents', 'community-groups', 'councillors'],
    mode: 'collective',
    summary:
      'In 2017 the Scottish Government and COSLA, which represents Scottish councils, agreed that at least 1% of council budgets should be decided through participatory budgeting, known in Scotland as Community Choices. Before that, a national fund had supported local events where residents voted on small projects for their area. The agreement aimed to move participatory budgeting beyond small grants and into mainstream council spending. The deadline was later relaxed because of the pandemic.',
    results:
      'In 2023 COSLA and the Scottish Government announced that councils had reached the 1% milestone, with £154 million of council budgets directed this way.',
    source: 'https://pbscotland.scot/blog/2023/7/19/cosla-and-scottish-government-announce-pb-milestone-reached',
  },
  {
    id: 'camden-citizens-assembly',
    title: "Camden Citizens' Assembly on the climate crisis",
    place: 'Camden, London',
    country: 'United Kingdom',
    year: 2019,
    areas: ['environment', 'democracy'],
    cos: ['co-design'],
    roles: ['residents'],
    mode: 'collective',
    summary:
      "After declaring a climate emergency in 2019, Camden Council held the UK's first citizens' assembly on the climate crisis that July. A group of residents chosen to reflect the borough's population met over three sessions to hear from climate scientists, environmentalists and community energy practitioners. They then worked out what should be done at home, in neighbourhoods and by the council, drawing on more than 600 ideas sent in beforehand by residents, schools and businesses. Their proposals fed into the council's Climate Action Plan for 2020 to 2025.",
    results:
      'The assembly agreed 17 proposals, each backed by at least 75% of members, including zero-carbon new homes, more segregated cycle lanes and a climate scrutiny panel of experts and residents.',
    source: 'https://climateemergency.org.uk/blog/camden-citizens-assembly/',
  },
  {
    id: 'playing-out-bristol',
    title: 'Playing Out street play',
    place: 'Bristol',
    country: 'United Kingdom',
    year: 2009,
    areas: ['children', 'public-health'],
    cos: ['co-design', 'co-delivery'],
    roles: ['residents', 'families', 'volunteers'],
    mode: 'collective',
    summary:
      "Playing Out started in June 2009 when two Bristol mothers used the council's street party procedure to close their road to through traffic for a few hours so children could play outside. After pilots on six streets in 2010, residents wanted to close their roads regularly, but the rules allowed only three closures a year. With support from councillors, the council's highways officers designed a Temporary Play Street Order, trialled in 2011 and 2012, that lets a street close for up to three hours a week with neighbours acting as stewards. The order became permanent council policy, and many other councils have copied it.",
    results: 'Almost 100 streets across Bristol had held play sessions by the end of March 2015.',
    source: 'https://playingout.net/play-streets/info-for-councils/case-studies/bristol-case-study/',
  },
  {
    id: 'beanstalk-reading-helpers',
    title: 'Beanstalk reading helpers',
    place: 'Across England',
    country: 'United Kingdom',
    year: null,
    areas: ['education', 'children'],
    cos: ['co-delivery'],
    roles: ['volunteers'],
    mode: 'individual',
    summary:
      'Beanstalk is a national charity that recruits, checks and trains volunteers to support primary school children who are struggling with reading. Each reading helper usually works with three children, seeing each one for two half-hour sessions a week over a whole school year. The sessions are one to one and relaxed, using books and games from the charity’s local branch, with the aim of building confidence and a love of reading as well as skill. Schools in deprived areas host the volunteers, and many helpers have no background in education.',
    results:
      'At one point it had more than 2,100 volunteers working through 17 branches with over 5,000 children.',
    source: 'http://giveacar.co.uk/charities/beanstalk',
  },
  {
    id: 'incredible-edible-todmorden',
    title: 'Incredible Edible Todmorden',
    place: 'Todmorden, West Yorkshire',
    country: 'United Kingdom',
    year: 2008,
    areas: ['environment', 'public-health'],
    cos: ['co-delivery'],
    roles: ['residents', 'volunteers', 'community-groups'],
    mode: 'collective',
    summary:
      'Incredible Edible began in Todmorden in 2008 when residents started growing vegetables, herbs and fruit in public places for anyone to pick. Planting spread to the health centre, the police station, schools and roadside verges, and local schools and businesses joined in. Public bodies helped by removing obstacles, for example by testing soil and covering public liability. Volunteers meet regularly to tend the beds, and the group also runs activities such as free little libraries and a project to save food from going to waste.',
    results:
      'By 2020 the group looked after more than 70 growing beds with 40 to 50 volunteers at each session, and had inspired over 100 similar groups in the UK and about 300 in France.',
    source: 'https://communitiesforfuture.org/community-food-growing-todmorden-uk/',
  },
  {
    id: 'bromley-by-bow-centre',
    title: 'Bromley by Bow Centre',
    place: 'Bromley-by-Bow, Tower Hamlets, London',
    country: 'United Kingdom',
    year: 1984,
    areas: ['health', 'employment', 'public-health'],
    cos: ['co-delivery', 'co-design'],
    roles: ['residents', 'patients', 'community-groups', 'frontline-staff'],
    mode: 'collective',
    summary:
      'The Bromley by Bow Centre was set up in 1984 by a local minister, his congregation and volunteers in one of the most deprived parts of London, at first offering childcare, welfare advice, adult learning and a café. In 1997 it opened its own GP practice, where doctors work alongside the centre’s community projects and patients are linked to activities, learning, advice on debt and benefits, and help into work. Local people take part in and run many of its projects, from art and language classes to gardening, and a social enterprise zone has helped residents start businesses. It was an early pioneer of social prescribing.',
    results: 'Between June 2019 and June 2020 its social prescribing link workers supported 1,321 people.',
    source: 'https://www.bbbc.org.uk/social-prescribing/',
  },
  {
    id: 'homeshare',
    title: 'Homeshare',
    place: 'Across the UK',
    country: 'United Kingdom',
    year: null,
    areas: ['housing', 'older-people'],
    cos: ['co-delivery'],
    roles: ['older-people', 'residents'],
    mode: 'individual',
    summary:
      'Homeshare matches older householders who have a spare room and would like company and some help at home with people, usually younger, who need somewhere affordable to live. The homesharer lives in the home free or at low cost and in return gives about ten hours of help a week, such as shopping, cooking, cleaning or gardening, together with companionship. Programmes are run mostly by charities and other non-profit organisations, which vet both sides and match them carefully. Householders are typically in their eighties, and some use homesharing as part of a wider package of support.',
    results: null,
    source: 'http://homeshare.org/programmes-worldwide/united-kingdom/',
  },
];
