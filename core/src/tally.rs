//! Sums per id over a dense range, cleared in time proportional to what was added: the inner
//! loop of "which items share words with this one" (a hash map per query costs several times
//! more, and clearing a whole row per query is quadratic).

use std::ops::AddAssign;

pub struct Tally<T> {
    sums: Vec<T>,
    /// Ids with a non-zero sum, in the order first added to.
    touched: Vec<u32>,
}

impl<T: Copy + Default + PartialEq + AddAssign> Tally<T> {
    /// A tally over ids `0..n`, all zero.
    pub fn new(n: usize) -> Tally<T> {
        Tally {
            sums: vec![T::default(); n],
            touched: Vec::new(),
        }
    }

    /// Adds `x` (not zero) to id `i`'s sum. (Inline: it is the inner loop of its callers, and a
    /// call each time in the page's size-optimised wasm.)
    #[inline]
    pub fn add(&mut self, i: usize, x: T) {
        let sum = &mut self.sums[i];
        if *sum == T::default() {
            self.touched.push(i as u32);
        }
        *sum += x;
    }

    /// The ids added to and their sums, in id order; the tally is zero again afterwards.
    pub fn drain_sorted(&mut self) -> impl Iterator<Item = (usize, T)> + '_ {
        self.touched.sort_unstable();
        self.drain()
    }

    /// The ids added to and their sums, in the order first added to; the tally is zero again
    /// afterwards.
    pub fn drain(&mut self) -> impl Iterator<Item = (usize, T)> + '_ {
        let sums = &mut self.sums;
        self.touched
            .drain(..)
            .map(move |i| (i as usize, std::mem::take(&mut sums[i as usize])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_drain_and_start_again_from_zero() {
        let mut t = Tally::new(10);
        t.add(7, 2u32);
        t.add(3, 1);
        t.add(7, 1);
        assert_eq!(t.drain_sorted().collect::<Vec<_>>(), [(3, 1), (7, 3)]);
        t.add(3, 5);
        assert_eq!(t.drain().collect::<Vec<_>>(), [(3, 5)]);
        assert_eq!(t.drain().count(), 0);
    }
}
