/**
 * A labelled choice among a few values (a room setting): the label, the select and, when given, a
 * hint under it that the select is described by. The values may be words or numbers; the one
 * chosen comes back as it was given.
 */
export interface SelectOption<V extends string | number> {
  value: V;
  label: string;
}

/**
 * The numbers a select offers: `choices`, and the current value among them in order when it is
 * another one (set elsewhere: the command line, an older setup), so that it shows as chosen.
 */
export function withCurrent(choices: readonly number[], current: number): readonly number[] {
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}

export function SelectField<V extends string | number>({
  id,
  label,
  value,
  options,
  hint,
  disabled = false,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  hint?: string;
  disabled?: boolean;
  onChange: (value: V) => void;
}) {
  return (
    <div className="field field--inline">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
