export interface CheckboxOption {
  value: string;
  label: string;
}

export interface CheckboxSection {
  key: string;
  /** A sub-heading (its own fieldset and legend); without one the options sit directly in the group. */
  label?: string;
  options: CheckboxOption[];
}

export interface CheckboxGroupProps {
  /** The first checkbox's id (an error summary links to it; focus goes there); the others derive theirs from it. */
  id: string;
  legend: string;
  hint?: string;
  /** A translated message, announced with the group (aria-describedby on the fieldset). */
  error?: string;
  /** Shown after the legend, e.g. "optional". */
  marker?: string;
  /** A line under the hint, e.g. how many are chosen. */
  status?: string;
  sections: CheckboxSection[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/**
 * A fieldset of checkboxes, optionally in titled sections (nested fieldsets), each at least 44 px high. Hint, status and
 * error describe the whole group.
 */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  marker,
  status,
  sections,
  value,
  onChange,
}: CheckboxGroupProps) {
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, status ? statusId : null, error ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  const chosen = new Set(value);
  const first = sections.find((section) => section.options.length > 0)?.options[0]?.value;

  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...value, option] : value.filter((item) => item !== option));

  const options = (list: CheckboxOption[]) => (
    <ul className="grid grid-cols-1 gap-x-6 sm:grid-cols-2">
      {list.map((option) => (
        <li key={option.value}>
          <label className="flex min-h-11 cursor-pointer items-start gap-3 py-2 text-slate-900">
            <input
              type="checkbox"
              id={option.value === first ? id : `${id}-${option.value}`}
              value={option.value}
              checked={chosen.has(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
            />
            <span className="min-w-0 break-words">{option.label}</span>
          </label>
        </li>
      ))}
    </ul>
  );

  return (
    <fieldset aria-describedby={describedBy} className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-lg font-semibold text-slate-900">
        {legend}
        {marker ? (
          <>
            {' '}
            <span className="text-base font-normal text-slate-600">({marker})</span>
          </>
        ) : null}
      </legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {status ? (
        <p id={statusId} className="text-sm text-slate-700">
          {status}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {sections.map((section) =>
        section.label ? (
          <fieldset key={section.key} className="min-w-0">
            <legend className="mt-2 text-sm font-semibold text-slate-800">{section.label}</legend>
            {options(section.options)}
          </fieldset>
        ) : (
          <div key={section.key}>{options(section.options)}</div>
        ),
      )}
    </fieldset>
  );
}
