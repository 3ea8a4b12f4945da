//! The crate's one way to sort a slice: stable, by a comparator or a key;
//! and integers, where stability cannot show ([`sort_integers`]).
//!
//! Natively this is the standard library's stable sort. In WebAssembly each
//! call of a standard sort instantiates its own copy of driftsort and its
//! small-sort networks for the element type and comparator, several
//! kilobytes each; the crate's two dozen call sites came to 115 KB of a
//! 1.4 MB module. There, one merge sort over indices, compiled once (the
//! comparator is a `dyn FnMut`), orders every slice, and a short generic
//! step moves the elements into that order. The one sort on a hot path, the
//! linter's per goal, sees a handful of findings: slices of up to 16 are
//! sorted in place by insertion, without allocating.
//!
//! Both are stable, so the result is the same everywhere; the unit tests
//! hold the index sort to the standard one.
//!
//! This is the one module that calls the standard sorts: clippy.toml
//! disallows them elsewhere, and `bindings/wasm/build.sh` fails when the
//! WebAssembly module links them (`core::slice::sort`).
#![allow(clippy::disallowed_methods)]

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sort `items` stably by `compare`.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_family = "wasm")]
    sort_by_index(items, &mut compare);
    #[cfg(not(target_family = "wasm"))]
    items.sort_by(&mut compare);
}

/// Sort `items` stably by the key `key` computes.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sort `items` in their natural order.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The map of `pairs`, given in increasing key order (a repeated key keeps
/// its last value, as inserting would). Natively they are collected:
/// `BTreeMap`'s `FromIterator` checks the order with std's stable sort,
/// which sees one run in n - 1 comparisons, and builds the tree bottom-up
/// in one pass, where an insert per pair would walk down from the root
/// comparing the new key, the largest yet, with every key of every node on
/// its way (an ESCO import's 27,000 aliases: 4% of its instructions). In
/// WebAssembly, where collecting would link std's sort, an insert per pair.
pub(crate) fn sorted_map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    #[cfg(target_family = "wasm")]
    {
        let mut map = BTreeMap::new();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
    #[cfg(not(target_family = "wasm"))]
    pairs.into_iter().collect()
}

/// Sort integers in increasing order. Equal integers cannot be told apart,
/// so every correct sort gives the same result: natively the standard
/// unstable sort (pattern-defeating quicksort), in WebAssembly one small
/// heapsort per integer type instead of a copy of ipnsort and its sorting
/// networks per type.
pub(crate) fn sort_integers<T: Copy + Ord>(items: &mut [T]) {
    #[cfg(target_family = "wasm")]
    heapsort(items);
    #[cfg(not(target_family = "wasm"))]
    items.sort_unstable();
}

/// Keep the `k` smallest of `items`, in increasing order: natively by
/// selection (`select_nth_unstable`) and then a sort of those `k`; in
/// WebAssembly by sorting everything, which gives the same integers without
/// linking the selection algorithm.
pub(crate) fn smallest_integers<T: Copy + Ord>(items: &mut Vec<T>, k: usize) {
    #[cfg(not(target_family = "wasm"))]
    if k > 0 && k < items.len() {
        items.select_nth_unstable(k - 1);
        items.truncate(k);
    }
    sort_integers(items);
    items.truncate(k);
}

/// An in-place heapsort: O(n log n), no allocation, a few hundred bytes of
/// code per type.
#[cfg(any(test, target_family = "wasm"))]
fn heapsort<T: Copy + Ord>(items: &mut [T]) {
    fn sift_down<T: Copy + Ord>(items: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && items[child] < items[child + 1] {
                child += 1;
            }
            if items[root] >= items[child] {
                return;
            }
            items.swap(root, child);
            root = child;
        }
    }
    let n = items.len();
    for root in (0..n / 2).rev() {
        sift_down(items, root, n);
    }
    for end in (1..n).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

/// [`sort_by`] through [`stable_order`]: only [`apply_order`] depends on `T`.
/// Short slices (the usual case: a goal's few findings) are sorted in place
/// by insertion, without allocating.
#[cfg(any(test, target_family = "wasm"))]
fn sort_by_index<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    const SHORT: usize = 16;
    if items.len() <= SHORT {
        for i in 1..items.len() {
            let mut j = i;
            // Strictly greater only, so equal elements keep their order.
            while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
                items.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let order = stable_order(items.len(), &mut |i, j| compare(&items[i], &items[j]));
    apply_order(items, order);
}

/// The indices `0..n` in the order `compare` (on indices) gives them, ties
/// in index order: a bottom-up merge sort.
#[cfg(any(test, target_family = "wasm"))]
fn stable_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (left, right) = (&order[start..mid], &order[mid..end]);
            let (mut i, mut j) = (0, 0);
            for slot in &mut merged[start..end] {
                // Equal elements keep their order: the left run goes first.
                let take_left = j == right.len()
                    || (i < left.len() && compare(left[i], right[j]) != Ordering::Greater);
                if take_left {
                    *slot = left[i];
                    i += 1;
                } else {
                    *slot = right[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Rearrange `items` so that position `k` holds what was at `order[k]`,
/// following each cycle of the permutation with swaps.
#[cfg(any(test, target_family = "wasm"))]
fn apply_order<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heapsort_sorts_like_the_standard_sort(mut items in proptest::collection::vec(any::<u16>(), 0..300)) {
            let mut want = items.clone();
            want.sort_unstable();
            heapsort(&mut items);
            prop_assert_eq!(items, want);
        }

        #[test]
        fn smallest_integers_are_the_first_of_the_sorted(
            items in proptest::collection::vec(any::<u32>(), 0..300),
            k in 0usize..320,
        ) {
            let mut want = items.clone();
            want.sort_unstable();
            want.truncate(k);
            let mut got = items;
            smallest_integers(&mut got, k);
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn small_and_edge_cases() {
        let mut empty: [u8; 0] = [];
        sort_by_index(&mut empty, &mut |a, b| a.cmp(b));
        let mut one = [7];
        sort_by_index(&mut one, &mut |a, b| a.cmp(b));
        assert_eq!(one, [7]);
        let mut words = ["pear", "fig", "apple", "kiwi", "date"];
        sort_by_index(&mut words, &mut |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
        // Past the insertion-sort length, through the merge sort.
        let mut long: Vec<u32> = (0..100).map(|i| (i * 37) % 101).collect();
        sort_by_index(&mut long, &mut |a, b| a.cmp(b));
        assert!(long.windows(2).all(|w| w[0] <= w[1]), "{long:?}");
    }

    proptest! {
        /// The same order as the standard stable sort, ties included: the
        /// second field records where each element started.
        #[test]
        fn index_sort_is_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..200)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_by_index(&mut ours, &mut |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn reverse_orders_and_strings(mut words in proptest::collection::vec("[a-c]{0,3}", 0..60)) {
            let mut expected = words.clone();
            expected.sort_by(|a, b| b.cmp(a));
            sort_by_index(&mut words, &mut |a, b| b.cmp(a));
            prop_assert_eq!(words, expected);
        }
    }
}
