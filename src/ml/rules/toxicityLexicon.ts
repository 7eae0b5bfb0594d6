// Small word lists that give the toxicity model features a reviewer can read: profanity, insults,
// threats, and whether they are aimed at someone ("you idiot", "@user ur pathetic"). Aim is what
// separates abuse from friendly profanity ("this blush is f***ing gorgeous") and from a civil complaint
// about a product; the learned weights decide how much each counts. Matching is on folded tokens, so
// "1d10t" and "𝐢𝐝𝐢𝐨𝐭" count as "idiot".
export type LexiconCategory = 'profanity' | 'insult' | 'threat' | 'second_person' | 'praise';

const LISTS: Readonly<Record<LexiconCategory, readonly string[]>> = {
  profanity: ['fuck', 'fucking', 'fuckin', 'fucked', 'fucker', 'fck', 'fk', 'shit', 'shitty', 'bullshit', 'damn', 'dammit', 'bitch', 'bitches', 'ass', 'asshole', 'crap', 'bastard', 'dick', 'piss', 'pissed', 'cunt', 'wtf', 'stfu', 'motherfucker', 'hell', 'af'],
  insult: [
    'idiot', 'idiots', 'stupid', 'moron', 'morons', 'dumb', 'dumbass', 'loser', 'losers', 'pathetic', 'ugly', 'trash', 'garbage', 'disgusting', 'retard', 'retarded', 'scum', 'clown',
    'liar', 'fraud', 'jerk', 'creep', 'hoe', 'hoes', 'slut', 'whore', 'pig', 'pigs', 'coward', 'traitor', 'fool', 'ignorant', 'worthless', 'useless', 'hypocrite', 'nazi', 'fascist',
    'racist', 'freak', 'lame', 'sucks', 'suck', 'cringe', 'brainless', 'imbecile', 'incompetent', 'degenerate', 'scumbag', 'thug', 'fat', 'crazy', 'sick',
  ],
  threat: ['kill', 'die', 'dead', 'hang', 'shoot', 'rape', 'beat', 'murder', 'burn', 'destroy', 'punch', 'slap', 'stab'],
  second_person: ['you', 'your', 'youre', "you're", 'ur', 'u', 'yourself', 'ya', 'yall', "y'all", 'thou'],
  praise: ['gorgeous', 'amazing', 'love', 'loved', 'lovely', 'beautiful', 'awesome', 'great', 'perfect', 'best', 'cute', 'good', 'obsessed', 'stunning', 'delicious', 'incredible', 'fantastic', 'favorite', 'favourite', 'nice', 'wow', 'yes', 'yeah'],
};

export const LEXICON: ReadonlyMap<string, LexiconCategory> = new Map(
  (Object.entries(LISTS) as [LexiconCategory, readonly string[]][]).flatMap(([category, words]) => words.map((w) => [w, category] as const)),
);

/** How many tokens before a rude word a second-person word or @handle may stand to count as aimed. */
export const AIM_WINDOW = 3;
