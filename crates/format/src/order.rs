//! Stable sorting through one function.
//!
//! Each call of the standard library's sort with its own element type or comparison is
//! another copy of the sort in the WebAssembly (about 3 KB). The viewer's sorts go through
//! [`stable_order`] instead: one copy, sorting indices.

use std::cmp::Ordering;

/// The order that sorts `len` items by `compare` (given two indices), as the items'
/// indices; stable: equal items keep their order.
pub fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_items_keep_their_order() {
        let items = [(3, 'a'), (1, 'b'), (3, 'c'), (1, 'd'), (2, 'e')];
        let order = stable_order(items.len(), &|a, b| items[a].0.cmp(&items[b].0));
        let sorted: String = order.iter().map(|&index| items[index].1).collect();
        assert_eq!(sorted, "bdeac");
        assert!(stable_order(0, &|_, _| Ordering::Equal).is_empty());
    }
}
