//! Amounts near the limits of an i64 (±9×10^16 in a two-decimal currency is ±9×10^18 minor
//! units): an amount and its fee that cannot be combined are a row error naming the line, and a
//! claim that cannot be summed is refused; nothing wraps.

mod common;

use common::{opts, run};
use recourse_core::disputes::{claimed_minor, Reason};

const NEAR_MIN: i64 = -9_000_000_000_000_000_000;

#[test]
fn an_amount_minus_a_fee_beyond_an_i64_is_an_error_with_its_line() {
    let text = "Date,Description,Amount,Fee\n\
                2024-01-02,COFFEE,-4.00,0.00\n\
                2024-01-03,HUGE,-90000000000000000.00,90000000000000000.00\n";
    let err = run(text.as_bytes(), &opts(Some("USD"))).unwrap_err();
    assert_eq!(err.line(), Some(3), "{err}");
    assert!(err.to_string().contains("too large"), "{err}");
}

#[test]
fn the_largest_amounts_that_fit_are_read_exactly() {
    let text = "Date,Description,Amount,Fee\n\
                2024-01-03,HUGE OUT,-90000000000000000.00,0.00\n\
                2024-01-04,HUGE IN,90000000000000000.00,0.00\n\
                2024-01-05,WITH FEE,-1.00,0.50\n";
    let (rows, _) = run(text.as_bytes(), &opts(Some("USD"))).unwrap();
    let amounts: Vec<i64> = rows.iter().map(|r| r.amount).collect();
    assert_eq!(amounts, vec![NEAR_MIN, -NEAR_MIN, -150]);
}

#[test]
fn a_claim_beyond_an_i64_is_refused_not_capped() {
    assert_eq!(
        claimed_minor(Reason::WrongAmount, &[NEAR_MIN, -500]),
        Some(-NEAR_MIN + 500)
    );
    assert_eq!(
        claimed_minor(Reason::WrongAmount, &[NEAR_MIN, NEAR_MIN]),
        None
    );
    assert_eq!(claimed_minor(Reason::WrongAmount, &[i64::MIN]), None);
    // A double charge claims all but the first, so two giant twins fit.
    assert_eq!(
        claimed_minor(Reason::DoubleCharge, &[NEAR_MIN, NEAR_MIN]),
        Some(-NEAR_MIN)
    );
}
