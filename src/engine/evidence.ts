/** Evidence thresholds and switches of the answer engine, measured on the evaluation set (see eval/README.md). */
export const EVIDENCE = {
  /** The answer's section must hold at least this share of the query's content words… */
  minSectionCoverage: 0.5,
  /** …and the quoted passage at least this share. */
  minPassageCoverage: 0.34,
  /** Further passages are quoted when they score at least this share of the best. */
  followerScoreRatio: 0.55,
  maxPassages: 3,
  /** Refuse who/when/how-many questions no passage can answer (compromise's tags); off only to measure it. */
  useAnswerTypes: true,
  /** "Who" answered by a place or organisation: this share of the question's words must be its own (not relatives). */
  entityOwnWordsShare: 0.5,
  /** Passages the answer-type check looks through. */
  typeCheckDepth: 12,
  /** Multiplier for passages whose section title holds the query's words: (1 + titleBoost × share). */
  titleBoost: 0.6,
  /** A short real word the articles never use is read as a typo when that makes a passage hold the whole question. */
  contextTypos: true,
  /** A section keyword has at most this many words. */
  maxKeywordWords: 3,
  /**
   * A question asking for a count, a date or a duration ("how many negotiators were there") is a question,
   * never a section keyword: a section titled with its words need not hold the number.
   */
  typedQuestionsAreNoKeywords: true,
  /** "Who is guyana's president": a role the question names must have a person's name next to it in the passage. */
  roleHolderNamed: true,
  /** "When will X happen" is answered only by a passage speaking of the future (will, due, expected, next…). */
  futureWhen: true,
  /** "What did X say" with no row named is answered by X's words in the prose before X's column of a table. */
  speakerBeforeColumn: true,
  /** "where?" after "when do they meet next" asks the same question for a place. */
  bareWhFollowUps: true,
  /** "Who" is also answered by a role doing the asked thing in a passive clause ("brokered by the envoy's team"). */
  whoByAgentRole: true,
  /** "What did X say": the quoted passage must have X speaking (X, then a verb of speaking), not only mention X. */
  useSpeakerCheck: true,
  /** "What did X say": passages with X's words in quotation marks come before those reporting what X did or said. */
  quotesFirst: true,
  /** …or a quote with a pronoun speaking ("he said") right after the sentence that names X. */
  pronounSpeakers: true,
  /** A table row quoted for a question naming no column puts the one cell holding most of its words first; "who" is that cell's party. */
  cellNamesColumn: true,
  /** …when that cell holds at least this share of the question's words left once the row's label is named. */
  answeringCellShare: 0.5,
  /** "How many X" needs a number counting X ("two new rescue centres"), not any number near the question's words. */
  countTheNoun: true,
  /** Dictionary relatives of the counted noun at least this strong count as the noun (a synonym is 0.56). */
  countedSynonymWeight: 0.5,
  /** …and a noun reached only by looser relatives ("how many journalists" → correspondent) is counted by them, not waived. */
  countRelatives: true,
  /** A table's column may be named by another name of its party ("usa position" → the US column), not by any dictionary relative. */
  partyNamesColumn: true,
  /** "angola's position on train slots", a row named with a party's proper name the table has no column for, is "no column for Angola" (not a passage naming both). */
  partyWithoutColumn: true,
  /** A question naming a day or a month ("tuesday's session") is not answered by a passage naming only other days or months. */
  otherDayOrMonth: true,
  /** In a thread going through a table's rows, "and X?" for a party the table has no column for is not_found. */
  followUpPartyNeedsColumn: true,
  /** "No column for X" only when X can name a party (a place, group, person or unknown name), not any extra word. */
  missingColumnNeedsParty: true,
  /**
   * A when / how many / how much / how long question prefers a passage giving that answer within
   * `typedAnswerWindow` words of the question's own words; one giving it further off scores this share.
   */
  farTypedAnswerFactor: 0.4,
  typedAnswerWindow: 6,
  /** A when / how many / how much / how long answer holds the question's nouns, in the passage or the sentence before it (context-coverage.ts). */
  typedNounsInContext: true,
  /** "Who leads / heads / chairs X" is answered by a person's name, never by a party's column or an organisation (leading-verbs.ts). */
  leadersArePeople: true,
  /** A row named by one word of its label may be asked about with a verb of holding a position ("what does thailand want on the maps"). */
  stanceVerbsAskForCells: true,
  /** "How long / deep / high is X": the figure within this many words of X's own words (0: anywhere in the passage). */
  measuredThingWindow: 3,
  /** "any quotes from X" asks what X said; "a quote on Y" needs someone's words in quotation marks (quote-requests.ts). */
  quoteRequests: true,
  /** With several articles, another one's best passage holding every word of the question and scoring at least this share of the best is quoted too, and said (scores across articles differ by their titles and lengths). */
  otherArticleRatio: 0.25,
  /** With several articles, a passage of an older one than the newest answering scores this share of its score. */
  olderArticleFactor: 0.8,
  /** A table question asking for a figure or a date ("how many wagons does congo have") needs the asked cell to give one. */
  typedCellsOnly: true,
  /** A table row answers a question naming a party (place, group, person) only if the row names it (a column, a cell). */
  rowsSpeakForTheirColumns: true,
  /** "What did X say" with X only a row's label (no party column named) asks for X's words, not the row. */
  rowIsNoSpeaker: true,
  /** "What did the United States say": a speaker's name of several words speaks only as the whole name ("island states" is not it). */
  wholeNameSpeakers: true,
  /** "Who is japan's fisheries minister": the role's holder is named in a passage naming the party the question names (not "Solomon Islands fisheries minister Ruth Tanabose"). */
  roleOfNamedParty: true,
  /** "Who is turkmenistan's president" with the articles saying only "chair": a role named by a relative is still a role, its holder named next to it (not a party's cell). */
  roleByRelative: true,
  /** "Who is kosovo's prime minister" is not answered by a "deputy prime minister": a rank word the question lacks makes it another post. */
  roleRanks: true,
  /** "Its minister of natural resources, Khamphet Vongsavath": a role held by "its" / "their" party is the party the sentence before names. */
  possessiveRoleParty: true,
  /** "What did the congolese minister say": the name the articles give that role's holder speaks for it ("Kabeya said…"). */
  speakersByRoleHolder: true,
  /** "What did the mali minister say": a party's role speaks as that party or as the role's holder by name, not as any minister. */
  partyRoleSpeaksAsParty: true,
};
