/**
 * Rounding of figures for display and print, as Excel's and WPS's ROUND round: a half goes away from zero on
 * either side (Math.round takes −62.5 up to −62, so a fall of 0.625 printed −0.62 where a rise printed +0.63),
 * and the figure is rounded as written, to its 15 significant digits as Excel reads it, not as its binary
 * approximation (1.005 is 1.00499999999999989… in binary: ROUND(1.005, 2) is 1.01 in Excel).
 */

/** Within this share of a half, the binary figure may be a written half: decided on its 15 significant digits. */
const NEAR_HALF = 1e-9;

export function roundHalfAway(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const size = Math.abs(value);
  const scale = 10 ** places;
  let scaled = size * scale;
  // The common case stays one multiplication (the grid formats every visible figure): only a figure near a half
  // is read again from its decimal digits.
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) <= NEAR_HALF * Math.max(1, scaled)) {
    const [digits, exponent] = size.toExponential(14).split('e');
    scaled = Number(`${digits}e${Number(exponent) + places}`);
  }
  const rounded = Math.round(scaled) / scale;
  // + 0: no −0 (String(−0) is "0", but Object.is and a sort would tell it apart).
  return (value < 0 ? -rounded : rounded) + 0;
}
