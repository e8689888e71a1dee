//! Small order statistics on amounts (nearest-rank percentiles, no interpolation, so results
//! are always amounts the user actually paid).

/// Median of unsorted values (the lower middle for an even count); sorts in place.
pub(crate) fn median_i64(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

/// Nearest-rank percentile (`p` in 0..=1) of an ascending slice.
pub(crate) fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    Some(sorted[rank(sorted.len(), p)])
}

/// Like `percentile`, but as if one occurrence of `without` were removed from the slice, so a
/// charge is never compared with itself.
pub(crate) fn percentile_without(sorted: &[i64], without: i64, p: f64) -> Option<i64> {
    let Ok(skip) = sorted.binary_search(&without) else {
        return percentile(sorted, p);
    };
    let n = sorted.len() - 1;
    if n == 0 {
        return None;
    }
    let r = rank(n, p);
    Some(if r < skip { sorted[r] } else { sorted[r + 1] })
}

fn rank(n: usize, p: f64) -> usize {
    let p = if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.5
    };
    // Nearest rank: ceil(p × n) − 1, within 0..n.
    ((p * n as f64).ceil() as usize).clamp(1, n) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles() {
        let v = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        assert_eq!(percentile(&v, 0.5), Some(50));
        assert_eq!(percentile(&v, 0.9), Some(90));
        assert_eq!(percentile(&v, 1.0), Some(100));
        assert_eq!(percentile(&v, 0.0), Some(10));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile_without(&v, 100, 1.0), Some(90));
        assert_eq!(percentile_without(&v, 10, 0.0), Some(20));
        assert_eq!(percentile_without(&v, 55, 1.0), Some(100));
        assert_eq!(percentile_without(&[5], 5, 0.5), None);
        assert_eq!(median_i64(&mut [3, 1, 2]), Some(2));
        assert_eq!(median_i64(&mut [4, 1, 3, 2]), Some(2));
        assert_eq!(median_i64(&mut []), None);
    }
}
