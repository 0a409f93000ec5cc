/** A labelled progress bar (styles: components/pages/pages.css `.zy-progress`). */
export function ProgressBar({
  label,
  percent,
  text,
}: {
  label: string;
  percent: number;
  /** What a screen reader says, e.g. "3 / 5 已完成". */
  text: string;
}) {
  return (
    <div
      className="zy-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
    >
      <div className="zy-progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
