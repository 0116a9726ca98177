//! The cheap step in front of whatlang: a vote of the sample's stop words.
//!
//! whatlang spends most of its time in work that grows with the text
//! (lowercasing, counting trigrams) and in scoring every language of the
//! script. Function words say a lot for little: in a paragraph of running
//! text, four words in ten are the stop words of its language. So the sample's
//! words are looked up in the stop-word lists of the `stop-words` crate
//! (stopwords-iso) until enough stop words are found, and each votes for the
//! languages whose list holds it, a word of fewer lists weighing more. The vote gives one of three verdicts:
//!
//! - **settled**: many stop words, most of them one language's, far ahead of
//!   the runner-up, in that language's script. whatlang is not asked.
//! - **narrowed**: enough stop words to rank the languages but not to settle;
//!   whatlang chooses among the leaders and every language that has no list
//!   (a vote cannot rule out a language it cannot see).
//! - **open**: too few stop words (a headline, a single line); whatlang
//!   chooses among all its languages, as it would alone.
//!
//! The thresholds are in [`VOTE`]; `normalizer-eval lang` measures them
//! against whatlang alone on held-apart sentences in 75 languages.

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};

use whatlang::{Lang, Script};

/// When the vote settles, narrows, or leaves the choice open.
#[derive(Debug, Clone, Copy)]
pub(super) struct VoteThresholds {
    /// Stop words below which the vote leaves the choice open: a single
    /// line has a handful, and whatlang's trigrams read it better.
    pub min_words_to_narrow: usize,
    /// Leading languages whatlang chooses among when the vote narrows; the
    /// right one is among the first three on nearly every article, and a
    /// close neighbour (Danish and Norwegian, Czech and Slovak) is among
    /// them with it.
    pub leaders: usize,
    /// Languages further down stay candidates while their weight is at
    /// least this share of the leader's: a language with a short list
    /// (Estonian has 35 words, Finnish 847) collects less weight than its
    /// text deserves.
    pub min_share_of_leader: f64,
    /// Stop words below which the vote never settles.
    pub min_words_to_settle: usize,
    /// The share of all the sample's words that must be stop words of the
    /// leader: running text in a language has about four in ten, a text in a
    /// neighbour without a list (Azerbaijani beside Turkish) far fewer.
    pub min_leader_coverage: f64,
    /// How many times the runner-up's weight the leader's must be.
    pub min_lead: f64,
    /// The vote stops counting here: the first paragraphs of an article give
    /// this many stop words, and more seldom change the leader.
    pub enough_stop_words: usize,
}

/// The thresholds in use.
pub(super) const VOTE: VoteThresholds = VoteThresholds {
    min_words_to_narrow: 8,
    leaders: 3,
    min_share_of_leader: 1.0 / 3.0,
    min_words_to_settle: 20,
    min_leader_coverage: 0.3,
    min_lead: 3.0,
    enough_stop_words: 64,
};

/// whatlang languages whose stop-word list goes by another code than their
/// ISO 639-1 one.
const LIST_CODES: &[(Lang, &str)] = &[(Lang::Nob, "no"), (Lang::Pes, "fa")];

/// What the vote decided.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Verdict {
    /// The language, its script, and the leader's margin over the
    /// runner-up (`1 - runner-up / leader`, from 0 to 1).
    Settled { lang: Lang, script: Script, margin: f64 },
    /// The languages whatlang should choose among.
    Narrowed(Vec<Lang>),
    /// Every language stays a candidate.
    Open,
}

/// The stop-word lists, inverted: each word and the languages that list it.
struct StopWords {
    /// Each lowercase stop word and a bit per language of `langs` listing it.
    words: HashMap<&'static str, u128>,
    /// The languages with a list, in bit order.
    langs: Vec<Lang>,
    /// whatlang's languages without a list.
    unlisted: Vec<Lang>,
}

static STOP_WORDS: LazyLock<StopWords> = LazyLock::new(StopWords::load);

impl StopWords {
    fn load() -> Self {
        let mut words: HashMap<&'static str, u128> = HashMap::new();
        let mut langs = Vec::new();
        let mut unlisted = Vec::new();
        for &lang in Lang::all() {
            let list = list_code(lang)
                .and_then(stop_words::lookup)
                .filter(|list| !list.is_empty());
            match list {
                Some(list) if langs.len() < u128::BITS as usize => {
                    let bit = 1u128 << langs.len();
                    langs.push(lang);
                    // The lists are lowercase already; a word with a capital
                    // could never match a lowercased one, so it is left out.
                    for word in list.iter().filter(|word| !word.chars().any(char::is_uppercase)) {
                        *words.entry(word).or_default() |= bit;
                    }
                }
                _ => unlisted.push(lang),
            }
        }
        Self {
            words,
            langs,
            unlisted,
        }
    }
}

/// The code of `lang`'s stop-word list.
fn list_code(lang: Lang) -> Option<&'static str> {
    if let Some(&(_, code)) = LIST_CODES.iter().find(|(listed, _)| *listed == lang) {
        return Some(code);
    }
    isolang::Language::from_639_3(lang.code())?.to_639_1()
}

/// Votes on `sample` with the thresholds of `thresholds`.
pub(super) fn vote(sample: &str, thresholds: &VoteThresholds) -> Verdict {
    let lists = &*STOP_WORDS;
    let mut weight = vec![0.0_f64; lists.langs.len()];
    let mut listed = vec![0_usize; lists.langs.len()];
    let (mut words, mut stop_words) = (0_usize, 0_usize);
    let mut lowercase = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|word| !word.is_empty())
    {
        words += 1;
        let key = if word.chars().any(char::is_uppercase) {
            lowercase.clear();
            lowercase.extend(word.chars().flat_map(char::to_lowercase));
            lowercase.as_str()
        } else {
            word
        };
        let Some(&bits) = lists.words.get(key) else {
            continue;
        };
        stop_words += 1;
        let share = 1.0 / f64::from(bits.count_ones());
        let mut rest = bits;
        while rest != 0 {
            let index = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            weight[index] += share;
            listed[index] += 1;
        }
        if stop_words == thresholds.enough_stop_words {
            break;
        }
    }
    if stop_words < thresholds.min_words_to_narrow {
        return Verdict::Open;
    }
    let mut ranked: Vec<usize> = (0..lists.langs.len()).collect();
    ranked.sort_by(|a, b| weight[*b].total_cmp(&weight[*a]));
    let (leader, runner_up) = (ranked[0], ranked[1]);
    let lang = lists.langs[leader];
    let clear_lead = stop_words >= thresholds.min_words_to_settle
        && listed[leader] as f64 >= thresholds.min_leader_coverage * words as f64
        && weight[leader] >= thresholds.min_lead * weight[runner_up];
    if clear_lead
        && let Some(script) = whatlang::detect_script(sample).filter(|script| script.langs().contains(&lang))
    {
        return Verdict::Settled {
            lang,
            script,
            margin: 1.0 - weight[runner_up] / weight[leader],
        };
    }
    let leaders = ranked
        .iter()
        .enumerate()
        .take_while(|&(rank, &index)| {
            rank < thresholds.leaders || weight[index] >= thresholds.min_share_of_leader * weight[leader]
        })
        .map(|(_, &index)| lists.langs[index]);
    Verdict::Narrowed(leaders.chain(lists.unlisted.iter().copied()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The council said on Tuesday that it would not reopen the bridge until the \
        engineers had finished their work, and that the ferry would run every hour in the meantime. \
        Residents who live on the other side of the river have asked for more boats, but the council \
        has said that there is no money for them this year.";

    #[test]
    fn running_text_with_many_stop_words_of_one_language_is_settled() {
        let Verdict::Settled { lang, margin, .. } = vote(ENGLISH, &VOTE) else {
            panic!("{:?}", vote(ENGLISH, &VOTE));
        };
        assert_eq!(lang, Lang::Eng);
        assert!((0.0..=1.0).contains(&margin) && margin > 0.5, "{margin}");
    }

    #[test]
    fn a_headline_leaves_the_choice_open() {
        assert_eq!(vote("Council reopens the old bridge", &VOTE), Verdict::Open);
    }

    #[test]
    fn close_neighbours_are_narrowed_together_not_settled() {
        // Norwegian and Danish share most of their function words.
        let danish = "Byrådet sagde tirsdag, at broen ikke bliver åbnet igen, før ingeniørerne \
            er færdige med deres arbejde, og at færgen sejler hver time i mellemtiden. De, der bor \
            på den anden side af floden, har bedt om flere både, men byrådet siger, at der ikke er \
            penge til dem i år.";
        match vote(danish, &VOTE) {
            Verdict::Narrowed(candidates) => {
                assert!(candidates.contains(&Lang::Dan) && candidates.contains(&Lang::Nob));
            }
            Verdict::Settled { lang, .. } => assert_eq!(lang, Lang::Dan),
            Verdict::Open => panic!("a paragraph has enough stop words to narrow"),
        }
    }

    #[test]
    fn languages_without_a_list_stay_candidates_when_narrowed() {
        let lists = &*STOP_WORDS;
        assert!(
            lists.unlisted.contains(&Lang::Cym),
            "Welsh has no stopwords-iso list"
        );
        let thresholds = VoteThresholds {
            min_words_to_settle: usize::MAX,
            ..VOTE
        };
        let Verdict::Narrowed(candidates) = vote(ENGLISH, &thresholds) else {
            panic!("never settles");
        };
        assert_eq!(candidates[0], Lang::Eng);
        assert!(candidates.contains(&Lang::Cym));
        assert!(candidates.len() >= VOTE.leaders + lists.unlisted.len());
        assert!(!candidates.contains(&Lang::Jpn), "far behind the leader");
    }

    #[test]
    fn the_leader_must_be_of_the_samples_script() {
        // English words in Latin letters around a longer Arabic-script text.
        let mixed = format!(
            "{ENGLISH} {}",
            "کراچی میں بارش کے بعد شہر کی سڑکیں پانی سے بھر گئیں اور ٹریفک کئی گھنٹے تک رکا رہا۔ ".repeat(6)
        );
        assert!(!matches!(
            vote(&mixed, &VOTE),
            Verdict::Settled { lang: Lang::Eng, .. }
        ));
    }

    #[test]
    fn the_lists_fit_the_vote_bits_and_map_renamed_codes() {
        let lists = &*STOP_WORDS;
        assert!(
            lists.langs.len() < u128::BITS as usize,
            "a language would lose its list"
        );
        assert!(lists.langs.contains(&Lang::Nob) && lists.langs.contains(&Lang::Pes));
    }
}
