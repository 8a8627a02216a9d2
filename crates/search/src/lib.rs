//! Search over releases: folding and other-script spellings ([`translit`]), the query and
//! the in-memory index of one bundle ([`search`]), trigram signatures that pass over most
//! events unread ([`trigram`]), and the chunked archive's index shards ([`index`]).

pub mod index;
pub mod search;
pub mod translit;
pub mod trigram;
