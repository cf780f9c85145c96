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
const KEPT_WHOLE = /(\d{4}年|\d[\d.]*个[百千]分点|万元|人次|[^\s\d.（()）/]*\/[^\s（()）]+)/;

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
