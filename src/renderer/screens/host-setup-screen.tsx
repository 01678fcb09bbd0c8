/**
 * Host setup (desktop): the quiz (built-in pack first), the room's name, how the game starts (by
 * itself at a number of players, the original rule, or the host's Start), seconds per question,
 * players from one network address, a PIN, and whether the host plays too; and the room's rules
 * (names, scoring, question order: RoomRuleSettings).
 */
import { useState, type FormEvent } from 'react';
import type { AppState, HostConfig } from '../../shared/api/quiz-api';
import type { SettingsPatch } from '../../shared/protocol';
import { checkNickname } from '../../shared/nickname';
import { DEFAULT_SETTINGS } from '../../shared/protocol/default-settings';
import { ROOM_NAME_MAX, SETTING_LIMITS } from '../../shared/protocol/setting-limits';
import type { Desktop } from '../api/api-context';
import { ScreenHeader } from '../components/screen-header';
import { Field } from '../components/field';
import { RoomRuleSettings } from '../components/room-rule-settings';
import './host-setup-screen.css';
import { NetworkPanel } from '../network/network-panel';
import { LanguageSwitch } from '../components/language-switch';
import { useT } from '../i18n';

type Errors = Partial<
  Record<
    'quiz' | 'roomName' | 'minPlayers' | 'questionSeconds' | 'maxPlayersPerAddress' | 'nickname' | 'form',
    string
  >
>;

function wholeNumber(text: string, { min, max }: { min: number; max: number }): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

const { minPlayers: PLAYERS, questionSeconds: SECONDS, maxPlayersPerAddress: PER_ADDRESS } = SETTING_LIMITS;
/** Starting by itself needs at least one player (0 is the host's own Start). */
const AUTO_PLAYERS = { min: Math.max(1, PLAYERS.min), max: PLAYERS.max };

type StartRule = 'auto' | 'host';

/** A whole-number field of the form, bounded by `limits` (checked again on submit). */
function NumberField({
  id,
  label,
  hint,
  error,
  limits,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  limits: { min: number; max: number };
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode="numeric"
          min={limits.min}
          max={limits.max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function HostSetupScreen({
  state,
  desktop,
  onBack,
  onEditQuizzes,
}: {
  state: AppState;
  desktop: Desktop;
  onBack: () => void;
  onEditQuizzes: () => void;
}) {
  const { api } = desktop;
  const t = useT();
  const [quizId, setQuizId] = useState(state.quizzes[0]?.id ?? '');
  const [roomName, setRoomName] = useState(() => t('setup.defaultRoomName'));
  // The original rule (start by itself at two) or the host's own Start; the number is kept when
  // the host switches back and forth.
  const [startRule, setStartRule] = useState<StartRule>(DEFAULT_SETTINGS.minPlayers > 0 ? 'auto' : 'host');
  const [minPlayers, setMinPlayers] = useState(String(Math.max(2, DEFAULT_SETTINGS.minPlayers)));
  const [questionSeconds, setQuestionSeconds] = useState(String(DEFAULT_SETTINGS.questionSeconds));
  const [perAddress, setPerAddress] = useState(String(DEFAULT_SETTINGS.maxPlayersPerAddress));
  const [pin, setPin] = useState(false);
  const [playToo, setPlayToo] = useState(false);
  const [rules, setRules] = useState<SettingsPatch>({});
  const [nickname, setNickname] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [importNote, setImportNote] = useState<string | null>(null);
  const chosen = state.quizzes.some((q) => q.id === quizId) ? quizId : (state.quizzes[0]?.id ?? '');

  async function importFile() {
    setImportNote(null);
    const result = await api.importQuiz();
    if (result.ok) {
      setQuizId(result.id);
      const skipped = result.skipped.length;
      setImportNote(t('setup.imported', { title: result.title, taken: result.taken, skipped }));
    } else if (result.code !== 'cancelled') {
      setErrors((e) => ({ ...e, quiz: result.message }));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Errors = {};
    const min = startRule === 'host' ? 0 : wholeNumber(minPlayers, AUTO_PLAYERS);
    const seconds = wholeNumber(questionSeconds, SECONDS);
    const maxPlayersPerAddress = wholeNumber(perAddress, PER_ADDRESS);
    const name = roomName.trim();
    const nick = checkNickname(nickname);
    if (!chosen) next.quiz = t('setup.chooseQuiz');
    if (!name) next.roomName = t('setup.nameRoom');
    else if (name.length > ROOM_NAME_MAX) next.roomName = t('setup.nameTooLong', { max: ROOM_NAME_MAX });
    if (min === null) next.minPlayers = t('setup.playersError', AUTO_PLAYERS);
    if (seconds === null) next.questionSeconds = t('setup.secondsError', SECONDS);
    if (maxPlayersPerAddress === null) next.maxPlayersPerAddress = t('settings.wholeNumber', PER_ADDRESS);
    if (playToo && !nick.ok) next.nickname = nick.reason;
    setErrors(next);
    if (Object.keys(next).length > 0) {
      const first = Object.keys(next)[0];
      document.getElementById(`host-${first}`)?.focus();
      return;
    }
    const config: HostConfig = {
      quizId: chosen,
      roomName: name,
      minPlayers: min ?? DEFAULT_SETTINGS.minPlayers,
      questionSeconds: seconds ?? DEFAULT_SETTINGS.questionSeconds,
      maxPlayersPerAddress: maxPlayersPerAddress ?? DEFAULT_SETTINGS.maxPlayersPerAddress,
      pin,
      playToo,
      ...(Object.keys(rules).length > 0 ? { settings: rules } : {}),
      ...(playToo && nick.ok ? { nickname: nick.name } : {}),
    };
    setBusy(true);
    const result = await api.hostRoom(config);
    setBusy(false);
    if (!result.ok) setErrors({ form: result.message });
  }

  return (
    <section className="screen setup">
      <ScreenHeader title={t('setup.title')} back={{ label: t('setup.back'), onClick: onBack }}>
        {/* The host screen's own language, remembered on this computer like the sound settings. */}
        <LanguageSwitch id="host-language" className="setup__language" />
      </ScreenHeader>
      <form className="card setup__form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="setup__quizzes">
          <legend>{t('setup.quiz')}</legend>
          <div className="quiz-choices" id="host-quiz" tabIndex={-1}>
            {state.quizzes.map((q) => (
              <label key={q.id} className={`quiz-choice${q.id === chosen ? ' is-chosen' : ''}`}>
                <input
                  type="radio"
                  name="quiz"
                  value={q.id}
                  checked={q.id === chosen}
                  onChange={() => setQuizId(q.id)}
                />
                <span className="quiz-choice__title">{q.title}</span>
                <span className="quiz-choice__meta">{t('setup.questions', { count: q.questionCount })}</span>
              </label>
            ))}
          </div>
          {errors.quiz ? (
            <p className="field__error" role="alert">
              {errors.quiz}
            </p>
          ) : null}
          <div className="setup__quiz-tools">
            <button type="button" className="btn btn--ghost btn--small" onClick={() => void importFile()}>
              {t('setup.importFile')}
            </button>
            <button type="button" className="btn btn--ghost btn--small" onClick={onEditQuizzes}>
              {t('setup.editQuizzes')}
            </button>
          </div>
          {importNote ? (
            <p className="form-note" role="status">
              {importNote}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="setup__start">
          <legend>{t('setup.howStart')}</legend>
          <div className="start-rules">
            <label className={`start-rule${startRule === 'auto' ? ' is-chosen' : ''}`}>
              <input
                type="radio"
                name="start-rule"
                value="auto"
                checked={startRule === 'auto'}
                onChange={() => setStartRule('auto')}
              />
              <span className="start-rule__title">{t('setup.autoStart')}</span>
              <span className="start-rule__when">{t('setup.autoStartWhen')}</span>
            </label>
            <label className={`start-rule${startRule === 'host' ? ' is-chosen' : ''}`}>
              <input
                type="radio"
                name="start-rule"
                value="host"
                checked={startRule === 'host'}
                onChange={() => setStartRule('host')}
              />
              <span className="start-rule__title">{t('setup.hostStart')}</span>
              <span className="start-rule__when">{t('setup.hostStartWhen')}</span>
            </label>
          </div>
          {startRule === 'auto' ? (
            <NumberField
              id="host-minPlayers"
              label={t('settings.minPlayers')}
              hint={t('setup.minPlayersHint')}
              error={errors.minPlayers}
              limits={AUTO_PLAYERS}
              value={minPlayers}
              onChange={setMinPlayers}
            />
          ) : null}
        </fieldset>

        <div className="setup__grid">
          <Field id="host-roomName" label={t('setup.roomName')} error={errors.roomName}>
            {(props) => (
              <input
                {...props}
                type="text"
                value={roomName}
                maxLength={ROOM_NAME_MAX}
                onChange={(e) => setRoomName(e.target.value)}
              />
            )}
          </Field>
          <NumberField
            id="host-questionSeconds"
            label={t('settings.questionSeconds')}
            hint={t('settings.range', SECONDS)}
            error={errors.questionSeconds}
            limits={SECONDS}
            value={questionSeconds}
            onChange={setQuestionSeconds}
          />
          <NumberField
            id="host-maxPlayersPerAddress"
            label={t('settings.maxPerAddress')}
            hint={t('setup.perAddressHint')}
            error={errors.maxPlayersPerAddress}
            limits={PER_ADDRESS}
            value={perAddress}
            onChange={setPerAddress}
          />
        </div>

        <div className="setup__toggles">
          <label className="toggle">
            <input type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} />
            <span>
              <strong>{t('setup.pin')}</strong>
              <span className="toggle__hint">{t('setup.pinHint')}</span>
            </span>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={playToo} onChange={(e) => setPlayToo(e.target.checked)} />
            <span>
              <strong>{t('setup.playToo')}</strong>
              <span className="toggle__hint">{t('setup.playTooHint')}</span>
            </span>
          </label>
          <RoomRuleSettings
            settings={{ ...DEFAULT_SETTINGS, ...rules }}
            onChange={(patch) => setRules((r) => ({ ...r, ...patch }))}
          />
          {playToo ? (
            <Field id="host-nickname" label={t('join.nickname')} error={errors.nickname}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  autoComplete="nickname"
                  maxLength={24}
                  value={nickname}
                  onChange={(e) => setNickname(e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>

        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="setup__actions">
          <button type="submit" className="btn btn--primary btn--large" disabled={busy}>
            {t(busy ? 'setup.opening' : 'setup.open')}
          </button>
        </div>
      </form>
      <NetworkPanel hosting={false} />
    </section>
  );
}
