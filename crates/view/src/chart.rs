//! The geometry of a stacked bar chart for inline SVG ([`stacked_bars`]), its axis's scale
//! ([`nice_scale`]), and numbers written for labels and files ([`number_text`],
//! [`decimal_text`]) without the code for writing floating-point numbers.

use crate::facts::add;

/// The box a chart is drawn in, as an SVG `viewBox`, and the room kept around the bars for
/// the axis's labels (left) and the columns' labels (below).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// 320 × 180: on a 360 px phone it is drawn at about its own size, so 10 px labels read.
    pub const PHONE: Frame = Frame { width: 320.0, height: 180.0, left: 48.0, right: 8.0, top: 8.0, bottom: 22.0 };
}

/// A stacked bar chart's shapes, in the frame's coordinates (y down), each rounded to a
/// tenth of a unit: finer than a phone's pixel, and short in the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub frame: Frame,
    /// The y of zero, where the bars stand (the x axis).
    pub baseline: f64,
    /// One rectangle per value above zero.
    pub bars: Vec<Bar>,
    /// The y axis's ticks, zero up to the scale's top.
    pub ticks: Vec<Tick>,
    /// The columns that get a label: every one, or every n-th when labels would overlap.
    pub labels: Vec<ColumnLabel>,
}

/// One value of one column.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub column: usize,
    /// The value's place in its column, bottom first: the series it belongs to (its colour).
    pub segment: usize,
    pub value: f64,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A tick of the y axis: a grid line at `y`, and the value's label ending at `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    /// Decimals to write the value with: none for whole steps, one for steps of 0.5, …
    pub decimals: usize,
    pub x: f64,
    pub y: f64,
}

/// Where a column's label goes: centred on `x`, its baseline at `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnLabel {
    pub column: usize,
    pub x: f64,
    pub y: f64,
}

/// The y axis's scale: ticks every `step` from zero to `top`, the first multiple of the step
/// at or above the largest value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub step: f64,
    pub top: f64,
    pub decimals: usize,
}

/// About this many steps up the y axis: enough to read a bar's value off, few enough that
/// the labels do not crowd 150 units of height.
const TICK_STEPS: f64 = 4.0;
/// The room a column's label (`2025-08` in 10 px type) needs.
const LABEL_WIDTH: f64 = 44.0;
/// Bars take this share of their column, and no more than `MAX_BAR_WIDTH`: one month alone is
/// not a slab.
const BAR_SHARE: f64 = 0.8;
const MAX_BAR_WIDTH: f64 = 32.0;

/// A scale whose step is 1, 2 or 5 times a power of ten, for values up to `max`; `None` when
/// there is nothing above zero to draw. Values too close to the largest or the smallest
/// number for such a step get one step, zero to `max`.
pub fn nice_scale(max: f64) -> Option<Scale> {
    if !(max > 0.0 && max.is_finite()) {
        return None;
    }
    let whole = Scale { step: max, top: max, decimals: 0 };
    let rough = max / TICK_STEPS;
    if !rough.is_normal() {
        return Some(whole);
    }
    let mut exponent = rough.log10().floor() as i32;
    let mut multiple = [1.0, 2.0, 5.0].into_iter().find(|m| m * 10f64.powi(exponent) >= rough).unwrap_or(10.0);
    if multiple == 10.0 {
        (multiple, exponent) = (1.0, exponent + 1);
    }
    let step = multiple * 10f64.powi(exponent);
    let mut top = (max / step).ceil() * step;
    // Rounding may leave the top a hair under the largest value.
    if top < max {
        top += step;
    }
    if !(top.is_finite() && step > 0.0) {
        return Some(whole);
    }
    Some(Scale { step, top, decimals: usize::try_from(-exponent).unwrap_or(0) })
}

/// The shapes of a stacked bar chart: one column per entry of `columns`, its values stacked
/// bottom first. A value that is not a number above zero draws nothing; no values above zero
/// draw no chart at all (no bars, ticks or labels).
pub fn stacked_bars(columns: &[Vec<f64>], frame: Frame) -> BarChart {
    let baseline = round_tenth(frame.height - frame.bottom);
    let mut chart = BarChart { frame, baseline, bars: Vec::new(), ticks: Vec::new(), labels: Vec::new() };
    let drawn = |value: f64| if value.is_finite() && value > 0.0 { value } else { 0.0 };
    let max =
        columns.iter().map(|column| column.iter().fold(0.0, |sum, &value| add(sum, drawn(value)))).fold(0.0, f64::max);
    // Counts (every value whole) get whole steps: no tick at half an event.
    let counts = columns.iter().flatten().all(|value| value.fract() == 0.0);
    let whole_steps = |scale: Scale| {
        if counts && scale.step < 1.0 {
            Scale { step: 1.0, top: max.ceil(), decimals: 0 }
        } else {
            scale
        }
    };
    let Some(scale) = nice_scale(max).map(whole_steps) else {
        return chart;
    };
    let height = frame.height - frame.bottom - frame.top;
    let y = |value: f64| round_tenth(frame.height - frame.bottom - value / scale.top * height);

    let steps = (scale.top / scale.step).round() as usize;
    chart.ticks = (0..=steps)
        .map(|k| {
            let value = if k == steps { scale.top } else { k as f64 * scale.step };
            Tick { value, decimals: scale.decimals, x: round_tenth(frame.left - 4.0), y: y(value) }
        })
        .collect();

    let plot_width = frame.width - frame.right - frame.left;
    let slot = plot_width / columns.len() as f64;
    let bar_width = (slot * BAR_SHARE).min(MAX_BAR_WIDTH);
    for (column, values) in columns.iter().enumerate() {
        let x = frame.left + slot * column as f64 + (slot - bar_width) / 2.0;
        let mut below = 0.0;
        for (segment, &value) in values.iter().enumerate() {
            let value = drawn(value);
            if value == 0.0 {
                continue;
            }
            let above = add(below, value);
            let (top, bottom) = (y(above), y(below));
            let (x, width, height) = (round_tenth(x), round_tenth(bar_width), round_tenth(bottom - top));
            chart.bars.push(Bar { column, segment, value, x, y: top, width, height });
            below = above;
        }
    }

    let every = ((LABEL_WIDTH / slot).ceil() as usize).max(1);
    chart.labels = (0..columns.len())
        .step_by(every)
        .map(|column| ColumnLabel {
            column,
            x: round_tenth(frame.left + slot * (column as f64 + 0.5)),
            y: round_tenth(frame.height - frame.bottom + 14.0),
        })
        .collect();
    chart
}

fn round_tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// A number as a label writes it: `decimals` decimals, the whole part in groups of three
/// digits (`group`: `,` in English, a no-break space in Russian), the decimal `point`.
pub fn number_text(value: f64, decimals: usize, group: char, point: char) -> String {
    let printed = decimal_text(value, decimals);
    let (negative, printed) = match printed.strip_prefix('-') {
        // `-0` and `-0.00` are zero.
        Some(rest) if rest.bytes().any(|b| matches!(b, b'1'..=b'9')) => (true, rest),
        Some(rest) => (false, rest),
        None => (false, printed.as_str()),
    };
    let (whole, fraction) = printed.split_once('.').unwrap_or((printed, ""));
    let mut text = String::with_capacity(printed.len() + whole.len() / 3 + 1);
    if negative {
        text.push('-');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            text.push(group);
        }
        text.push(digit);
    }
    if !fraction.is_empty() {
        text.push(point);
        text.push_str(fraction);
    }
    text
}

/// `value` rounded to `decimals` decimals (at most nine), written with a `.` and no
/// grouping: `-2.50`, `1200`. Built from integers, so that the app carries no code for
/// writing floating-point numbers (Rust's, or serde_json's, which are larger): the charts,
/// their labels and the exports all write numbers through here. Values past 10^15 (none
/// an amount printed in a release) are written as the nearest whole number this can.
pub fn decimal_text(value: f64, decimals: usize) -> String {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals as u32);
    if !value.is_finite() {
        return "0".to_owned();
    }
    let scaled = (value.abs() * scale as f64).round();
    let sign = if value < 0.0 && scaled > 0.0 { "-" } else { "" };
    if scaled >= 9.0e18 {
        // Past 2^53 every double is a whole number: its digits, and zeros for decimals.
        let zeros = if decimals == 0 { String::new() } else { format!(".{}", "0".repeat(decimals)) };
        return format!("{sign}{}{zeros}", whole_digits(value.abs()));
    }
    let scaled = scaled as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = fraction.to_string();
    format!("{sign}{whole}.{}{fraction}", "0".repeat(decimals - fraction.len()))
}

/// The exact digits of a large whole double: its 53-bit mantissa doubled as often as its
/// exponent says, in decimal digits (least significant first while working).
fn whole_digits(value: f64) -> String {
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut digits: Vec<u8> = mantissa.to_string().bytes().rev().map(|b| b - b'0').collect();
    for _ in 0..exponent.max(0) {
        let mut carry = 0;
        for digit in &mut digits {
            let doubled = *digit * 2 + carry;
            (*digit, carry) = (doubled % 10, doubled / 10);
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    digits.iter().rev().map(|digit| char::from(b'0' + digit)).collect()
}
