//! Trigrams of folded text, in the form other-script spellings compare it in: Kazakh
//! letters as the letters they are read as, and without the signs a spelling may pass over.
//! A text that holds a query word, as written or otherwise spelt, holds every trigram of
//! that way of writing it, so trigrams narrow a search to the texts that may match without
//! ever missing one: by release in a chunked archive's index ([`caricc_format::archive`]), and
//! by event in memory ([`Signature`]), before the exact search reads what is left.

use crate::translit::{base_letter, is_dropped_sign};

/// Characters per gram.
pub const GRAM: usize = 3;

/// Text as the index sees it. Applied to folded text; since it maps or drops one character
/// at a time, a word found in folded text is found, so mapped, here.
pub(crate) fn index_form(folded: &str) -> Vec<char> {
    folded.chars().filter(|&c| !is_dropped_sign(c)).map(base_letter).collect()
}

/// The trigrams of folded text, each once, in the order they first occur.
pub(crate) fn grams_of(folded: &str) -> Vec<String> {
    let mut grams: Vec<String> = Vec::new();
    for window in index_form(folded).windows(GRAM) {
        let gram: String = window.iter().collect();
        if !grams.contains(&gram) {
            grams.push(gram);
        }
    }
    grams
}

/// The trigrams of each way one query word may be written: as typed, then its
/// other-script spellings. A text may hold the word only if it holds all the trigrams of
/// one way. `None` when a way is too short to have a trigram: the word could be anywhere.
pub(crate) fn word_grams(term: &str, spellings: &[String]) -> Option<Vec<Vec<String>>> {
    let ways: Vec<Vec<String>> =
        std::iter::once(term).chain(spellings.iter().map(String::as_str)).map(grams_of).collect();
    ways.iter().all(|grams| !grams.is_empty()).then_some(ways)
}

/// FNV-1a of a gram's UTF-8 bytes: the same on every platform, so a published index's
/// shards are found by any viewer.
pub fn hash(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |hash, &byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// Bits in a signature, as a power of two: 4,096 bits. An event of the releases has about
/// 1,000 different trigrams and sets about a fifth of the bits, so a word of four trigrams
/// passes an event that lacks it about once in 600, for 512 bytes per event.
const SIGNATURE_BITS_LOG2: u32 = 12;
const SIGNATURE_WORDS: usize = (1 << SIGNATURE_BITS_LOG2) / 64;

/// The trigrams a text has, as bits of a fixed-size set (a Bloom filter with one hash):
/// every trigram of the text has its bit set; an absent one may share a set bit.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature(Box<[u64; SIGNATURE_WORDS]>);

impl Signature {
    /// The signature of folded text.
    pub fn of(folded: &str) -> Signature {
        let mut builder = SignatureBuilder::new();
        folded.chars().for_each(|c| builder.push(c));
        builder.finish()
    }
}

/// A signature built a character at a time, as the text is folded: the trigrams of its
/// [`index_form`], without building that form (every event is read so as a bundle loads).
pub struct SignatureBuilder {
    bits: Box<[u64; SIGNATURE_WORDS]>,
    gram: [char; GRAM],
    read: usize,
}

impl SignatureBuilder {
    pub fn new() -> SignatureBuilder {
        SignatureBuilder { bits: Box::new([0; SIGNATURE_WORDS]), gram: ['\0'; GRAM], read: 0 }
    }

    /// The next character of folded text.
    #[inline(always)]
    pub fn push(&mut self, folded: char) {
        if is_dropped_sign(folded) {
            return;
        }
        self.gram = [self.gram[1], self.gram[2], base_letter(folded)];
        self.read += 1;
        if self.read >= GRAM {
            let (word, bit) = position(self.gram);
            self.bits[word] |= bit;
        }
    }

    pub fn finish(self) -> Signature {
        Signature(self.bits)
    }
}

impl Default for SignatureBuilder {
    fn default() -> SignatureBuilder {
        SignatureBuilder::new()
    }
}

impl std::fmt::Debug for Signature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set: u32 = self.0.iter().map(|word| word.count_ones()).sum();
        write!(f, "Signature({set} of {} bits set)", SIGNATURE_WORDS * 64)
    }
}

/// A gram's word in a signature and its bit in that word: the top bits of a multiplicative
/// hash (in memory only, so it need not match the archive's [`hash`]).
#[inline(always)]
fn position([a, b, c]: [char; GRAM]) -> (usize, u64) {
    let mix = |hash: u32, c: char| (hash.rotate_left(5) ^ c as u32).wrapping_mul(0x9e37_79b9);
    let hash = mix(mix(mix(0, a), b), c);
    let bit = hash >> (32 - SIGNATURE_BITS_LOG2);
    ((bit / 64) as usize, 1 << (bit % 64))
}

/// A query's trigrams as signature bits: a text may match only if, for every word that can
/// narrow, all the bits of one of its ways are set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignatureFilter {
    /// For each word, each way: (word of the signature, bits that must be set in it).
    words: Vec<Vec<Vec<(usize, u64)>>>,
}

impl SignatureFilter {
    /// `grams` holds, for each word that can narrow a search, the trigrams of each way it
    /// may be written (`Query::grams`).
    pub fn new(grams: &[Vec<Vec<String>>]) -> SignatureFilter {
        let words = grams
            .iter()
            .map(|ways| {
                ways.iter()
                    .map(|grams| {
                        let mut need: Vec<(usize, u64)> = Vec::new();
                        let chars = grams.iter().filter_map(|gram| gram.chars().collect::<Vec<_>>().try_into().ok());
                        for (word, bit) in chars.map(position) {
                            match need.iter_mut().find(|(at, _)| *at == word) {
                                Some((_, bits)) => *bits |= bit,
                                None => need.push((word, bit)),
                            }
                        }
                        need
                    })
                    .collect()
            })
            .collect();
        SignatureFilter { words }
    }

    /// False only when the text with this signature cannot hold the query.
    pub fn may_match(&self, signature: &Signature) -> bool {
        self.words
            .iter()
            .all(|ways| ways.iter().any(|need| need.iter().all(|&(word, bits)| signature.0[word] & bits == bits)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{fold, Query};

    fn may_match(query: &str, text: &str) -> bool {
        SignatureFilter::new(Query::parse(query).grams()).may_match(&Signature::of(&fold(text)))
    }

    #[test]
    fn a_signature_passes_every_way_a_word_is_written() {
        assert!(may_match("police", "The POLICE of Almaty"));
        assert!(may_match("almaty", "Ролик снят в Алматы."), "other-script spelling");
        assert!(may_match("мейирхан", "Данияр Мейірхан"), "Kazakh letters as base letters");
        assert!(may_match("podezd", "в подъезде"), "dropped sign");
        assert!(may_match("kg police", "police"), "a word too short to narrow passes");
        assert!(may_match("", "anything"));
    }

    #[test]
    fn a_signature_rules_out_texts_without_the_word() {
        assert!(!may_match("zqxw", "The police of Almaty"));
        assert!(!may_match("police heroin", "The police of Almaty"), "every word must pass");
        assert!(!may_match("гашиш", "The police of Almaty"));
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        assert_eq!(hash(b""), 0x811c_9dc5);
        assert_eq!(hash(b"a"), 0xe40c_292c);
    }
}
