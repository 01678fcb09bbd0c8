/**
 * The room's identity setting (host setup and the lobby's settings panel): nicknames only, an
 * identifier every player types (and what it is called), or a class list players pick their name
 * from, typed or loaded from a CSV file. The list is read by the class-list reader, loaded on first
 * use (phones never load it), and every line it leaves out is named by its number.
 */
import { useRef, useState } from 'react';
import type { IdentityMode, RosterEntry, SettingsPatch } from '../../shared/protocol';
import { IDENTITY_MODES, ROSTER_LIMITS } from '../../shared/protocol/setting-limits';
import { useIntl } from 'react-intl';
import type { SettingsPartProps } from '../components/settings-part';
import { SelectField } from '../components/select-field';
import { useT, type MessageId } from '../i18n';
import { identityLabel } from './identity-label';

const MODES: Record<IdentityMode, { label: MessageId; hint: MessageId }> = {
  none: { label: 'roster.modeNone', hint: 'roster.modeNoneHint' },
  field: { label: 'roster.modeField', hint: 'roster.modeFieldHint' },
  roster: { label: 'roster.modeRoster', hint: 'roster.modeRosterHint' },
};

/** A class list of 1,000 names with ids is a few tens of kilobytes: anything far larger is not one. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Left-out lines named one by one; the rest are counted. */
const PROBLEMS_SHOWN = 5;

/** The class list as the host types it: one "name, id" per line. */
function asText(roster: readonly RosterEntry[]): string {
  return roster.map((e) => (e.id ? `${e.name}, ${e.id}` : e.name)).join('\n');
}

interface Checked {
  count: number;
  problems: { line: number; message: string }[];
}

export function RosterSettings({ settings, onChange }: SettingsPartProps) {
  const t = useT();
  const intl = useIntl();
  return (
    <>
      <SelectField
        id="setting-identity"
        label={t('roster.mode')}
        value={settings.identity}
        options={IDENTITY_MODES.map((mode) => ({ value: mode, label: t(MODES[mode].label) }))}
        hint={t(MODES[settings.identity].hint)}
        onChange={(identity) => onChange({ identity })}
      />
      {settings.identity === 'field' ? <LabelField settings={settings} onChange={onChange} /> : null}
      {settings.identity === 'roster' ? (
        <ClassList roster={settings.roster} onChange={onChange} intl={intl} />
      ) : null}
    </>
  );
}

function LabelField({ settings, onChange }: SettingsPartProps) {
  const t = useT();
  const shown = identityLabel(settings, t);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? shown;
  const valid = text.trim().length > 0 && text.trim().length <= ROSTER_LIMITS.labelMax;
  return (
    <div className={`field${valid ? '' : ' has-error'}`}>
      <label htmlFor="setting-identityLabel" className="field__label">
        {t('roster.label')}
      </label>
      <input
        id="setting-identityLabel"
        type="text"
        maxLength={ROSTER_LIMITS.labelMax}
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby="setting-identityLabel-hint"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          const label = text.trim();
          if (valid && label !== shown) onChange({ identityLabel: label });
          setDraft(null);
        }}
      />
      <p id="setting-identityLabel-hint" className="field__hint">
        {t('roster.labelHint')}
      </p>
    </div>
  );
}

function ClassList({
  roster,
  onChange,
  intl,
}: {
  roster: readonly RosterEntry[];
  onChange: (patch: SettingsPatch) => void;
  intl: ReturnType<typeof useIntl>;
}) {
  const t = useT();
  const [text, setText] = useState(() => asText(roster));
  const [checked, setChecked] = useState<Checked | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function takeList(source: string) {
    const { parseRoster } = await import('../../shared/roster/roster-parse');
    const result = parseRoster(source);
    setChecked({ count: result.entries.length, problems: result.problems });
    if (result.entries.length > 0) onChange({ roster: result.entries });
  }

  async function load(file: File) {
    setFileError(null);
    if (file.size > MAX_FILE_BYTES) {
      setFileError(
        t('roster.fileTooBig', { size: intl.formatNumber(1, { style: 'unit', unit: 'megabyte' }) }),
      );
      return;
    }
    try {
      const source = await file.text();
      setText(source);
      await takeList(source);
    } catch (error) {
      setFileError(
        t('roster.fileUnreadable', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  const problems = checked?.problems ?? [];
  return (
    <div className="field roster-settings">
      <label htmlFor="setting-roster" className="field__label">
        {t('roster.list')}
      </label>
      <textarea
        id="setting-roster"
        rows={6}
        spellCheck={false}
        value={text}
        aria-describedby="setting-roster-hint setting-roster-status"
        onChange={(e) => setText(e.target.value)}
      />
      <p id="setting-roster-hint" className="field__hint">
        {t('roster.listHint')}
      </p>
      <div className="roster-settings__tools">
        <button type="button" className="btn btn--secondary btn--small" onClick={() => void takeList(text)}>
          {t('roster.useList')}
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => fileInput.current?.click()}
        >
          {t('roster.loadFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void load(file);
          }}
        />
      </div>
      <div id="setting-roster-status" role="status">
        {fileError ? <p className="field__error">{fileError}</p> : null}
        {checked ? (
          <>
            <p className={problems.length ? 'field__error' : 'field__hint'}>
              {t('roster.checked', { count: checked.count, problems: problems.length })}
            </p>
            {problems.length ? (
              <ul className="roster-settings__problems">
                {problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                  <li key={`${p.line} ${p.message}`}>
                    {p.line > 0 ? t('roster.problem', { line: p.line, message: p.message }) : p.message}
                  </li>
                ))}
                {problems.length > PROBLEMS_SHOWN ? (
                  <li>{t('roster.moreProblems', { count: problems.length - PROBLEMS_SHOWN })}</li>
                ) : null}
              </ul>
            ) : null}
          </>
        ) : (
          <p className="field__hint">
            {roster.length ? t('roster.inUse', { count: roster.length }) : t('roster.needList')}
          </p>
        )}
      </div>
    </div>
  );
}
