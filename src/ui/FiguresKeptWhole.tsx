import { Index } from 'solid-js';

/**
 * A text with years, "6.3‰（2024年）": a narrow column wraps around 2024年, never inside it (2024 / 年）), and may
 * wrap before its bracket — line breaking allows none between ‰ or % and （, so ≥90%（2025年） stood as one
 * unbreakable piece wider than its printed column and ran over the next one. A difference in points is kept
 * whole too (高于目标 0.45个千分 / 点 in the warning list's narrow gap column).
 */
/**
 * Years, differences in points, and units of more than one character: 1496.3 万元 broke as 1496.3 万 / 元 and
 * 9.68/10万 as 9.68/10 / 万 in a narrow printed column (a unit with a slash — 元/月, 小时/天, /10万 — is one piece).
 * A line may still break before the unit, between it and its number.
 */
/**
 * A target's comparator, figure and unit (≥95%, <3‰, ≥1 小时/天, 2025年应≤6.5%'s ≤6.5%) and a band (88%～92%): the
 * narrow 目标 column printed on A4 set ≈90%（保持在…左右，即88%～92%） as 88% / ～92%, and between ≥ and its figure a
 * line may break in Chinese text too.
 */
const TARGET_PIECE = String.raw`[<>≤≥=≈]\d[\d.]*(?:[%‰]| [^\s\d（()），～]+)?`;
const BAND = String.raw`\d[\d.]*(?:[%‰]| [^\s\d（()），～]+)?～\d[\d.]*(?:[%‰]| [^\s\d（()），]+)?`;
const YEARS_POINTS_UNITS = String.raw`\d{4}年|\d[\d.]*个[百千]分点|万元|人次|[^\s\d.（()）/]*\/[^\s（()）]+`;
const KEPT_WHOLE = new RegExp(`(${TARGET_PIECE}|${BAND}|${YEARS_POINTS_UNITS})`);

export function FiguresKeptWhole(props: { text: string }) {
  return (
    <Index each={props.text.split(KEPT_WHOLE)}>
      {(part, i) =>
        i % 2 === 1 ? (
          <span class="nowrap">{part()}</span>
        ) : (
          <Index each={part().split('（')}>
            {(piece, j) => (
              <>
                {j > 0 && (
                  <>
                    <wbr />（
                  </>
                )}
                {piece()}
              </>
            )}
          </Index>
        )
      }
    </Index>
  );
}
