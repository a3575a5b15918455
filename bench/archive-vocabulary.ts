/**
 * Word lists for the synthetic archive (bench only). Ordered roughly by how common they are in
 * English news copy: the generator gives them Zipf weights by rank, then appends a long tail of
 * made-up rare names and terms. Out-of-scope bench queries use words that are NOT here
 * (see OUT_OF_SCOPE_QUERIES), so a correct engine must refuse them at any archive size.
 */

/** Function words: about half of all tokens in real text. */
export const FUNCTION_WORDS = `the of and to in a that for on with as by from at is was were be has have had it its their they this these which while but
also not more than after over about into between said would will could can may should must been being other such both each any all
some most many new during under before against among since when where who what how there then than only even still however because
through without within across toward upon whose those our we he she his her them so if or no nor yet very much just every another`
  .split(/\s+/)
  .filter(Boolean);

/** News and diplomacy vocabulary: the mid-frequency band. */
export const NEWS_WORDS = `talks officials delegates government minister ministers negotiations agreement security regional peace foreign president
country countries state states region conflict ceasefire sanctions envoy mediation mediator dialogue diplomats diplomatic trade
economic military forces border crisis support pressure leaders leader meeting meetings round proposal proposals framework deal
measures steps efforts process issue issues plan plans statement statements spokesman spokeswoman parliament election elections
policy policies allies alliance stability tensions escalation deescalation humanitarian aid relief refugees troops withdrawal
observers analysts experts sources report reports week weeks month months year years capital city talks summit conference
negotiators negotiator treaty accord protocol commitment commitments guarantees guarantee verification inspections inspectors
monitoring mission delegation delegations committee council assembly ministry embassy ambassador consulate cabinet coalition
opposition rebels militia groups factions ministers premier chancellor secretary general deputy adviser advisers spokesperson
nuclear energy oil gas pipeline exports imports tariffs markets economy inflation currency budget debt loans investment
infrastructure ports shipping routes waters coast maritime naval airspace drones missiles weapons arms disarmament demilitarized
zone zones corridor corridors hostages prisoners exchange release detainees families civilians casualties violence attacks
strikes incident incidents clashes frontline offensive defence defense intelligence surveillance cyber sovereignty territory
autonomy independence recognition legitimacy reform reforms constitution referendum transition interim authority authorities
court ruling judges lawyers rights freedom press media journalists broadcast newspaper agency wire correspondent bureau
consensus compromise concessions demands red lines priorities timetable deadline schedule phase phases stage agenda
draft text clause clauses annex article articles provisions implementation compliance enforcement violations breach
mechanism mechanisms channel channels backchannel hotline communication trust confidence goodwill momentum breakthrough
stalemate impasse deadlock setback progress outcome outcomes scenario scenarios prospects risks threat threats warning warnings
condemnation appeal appeals call calls request requests offer offers response responses position positions stance stances
view views concern concerns hope hopes optimism caution skepticism criticism praise welcome rejection approval vote votes
majority minority bloc partners partner neighbour neighbours neighboring powers power influence role roles interests interest
host hosting venue venues logistics arrangements itinerary visit visits trip tour arrival departure return delay delays
funding donors reconstruction development water food fuel electricity health hospitals schools shelters camps supplies
convoy convoys access crossings checkpoints permits visas travel migration asylum displacement returnees settlement
settlements land property compensation justice accountability investigation inquiry evidence findings report testimony
official senior junior former current acting special joint bilateral multilateral international domestic local national
federal provincial municipal public private civil political strategic tactical technical legal financial commercial
historic fragile lasting durable comprehensive partial temporary permanent immediate gradual phased conditional binding
formal informal direct indirect secret confidential open closed broad narrow key major minor critical urgent crucial
significant important possible likely unlikely expected planned proposed agreed signed ratified rejected approved delayed
resumed suspended stalled collapsed renewed extended expanded reduced lifted imposed eased tightened announced confirmed
denied reported stressed noted warned urged insisted argued claimed acknowledged welcomed criticized praised discussed
reviewed addressed raised focused agreed`
  .split(/\s+/)
  .filter(Boolean);

/** Section heading vocabulary (title-cased by the generator). */
export const HEADING_WORDS = `background context overview outlook analysis reaction reactions timeline positions stakes implications risks
challenges opportunities mediation negotiations perspectives conclusion summary introduction history economy security
humanitarian diplomacy sanctions agreement ceasefire next steps what comes next key points scenarios future region
lessons players parties demands concessions guarantees verification monitoring funding reconstruction`
  .split(/\s+/)
  .filter(Boolean);

/** Table column headers that are not names (the others are "<Name> Position" and the like). */
export const TABLE_FIRST_COLUMNS = ['Aspect', 'Issue', 'Topic', 'Area', 'Item'];
export const TABLE_SIDE_SUFFIXES = ['Position', 'Stance', 'View', 'Demand'];
export const TABLE_EXTRA_COLUMNS = ['Status', 'Deadline', 'Notes'];

/**
 * Questions about things the archive can never mention: none of their content words are in the
 * lists above, and the rare tail is made of syllables that cannot spell them.
 */
export const OUT_OF_SCOPE_QUERIES = [
  'how many centrifuges are spinning',
  'what did the pope say about football',
  'weather forecast for tomorrow',
  'bitcoin price today',
  'who won the cricket world cup',
  'best pizza recipe',
  'when does the olympics torch relay start',
  'what did saudi arabia say about volcano eruptions',
];

/** Question openers for the bench's question mix. */
export const QUESTION_OPENERS = ['what did', 'what about', 'how did', 'why did', 'what is the', 'tell me about'];
