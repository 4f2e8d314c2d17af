import { useState } from 'preact/hooks';
import { type ImportPreviewAnswer, importPreviewSchema } from '../../domain/overview/import-preview.ts';
import { useApp } from '../app-context.ts';
import { formatNumber, type Lang, useLang } from '../i18n.ts';
import { CoordinatorShell } from './CoordinatorShell.tsx';
import { FileDrop } from './FileDrop.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import {
  classifyImportError,
  type ImportFailure,
  type ImportKind,
  importContentType,
  importPath,
} from './import-files.ts';
import { type OverviewStrings, overviewStrings } from './overview-strings.ts';
import './import.css';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

type Step =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'checked'; preview: ImportPreviewAnswer }
  | { name: 'importing'; preview: ImportPreviewAnswer }
  | { name: 'done'; preview: ImportPreviewAnswer }
  | { name: 'failed'; failure: ImportFailure };

interface ChosenFile {
  file: File;
  contentType: string;
}

/**
 * Master-data imports — catalog, target levels, sites, locations (administrators): choose what, choose a file (or drop it), and
 * the file is checked at once with a dry run — counts of new, changed and unchanged rows and every
 * row error. "Import" is offered only for a file without errors; the server writes all or nothing.
 */
export function ImportScreen() {
  const { api } = useApp();
  const lang = useLang();
  const t = overviewStrings[lang];
  const [kind, setKind] = useState<ImportKind>('catalog');
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [wrongFile, setWrongFile] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ name: 'idle' });

  async function check(file: ChosenFile, what: ImportKind) {
    setStep({ name: 'checking' });
    try {
      const preview = await api.upload(importPath(what, true), withType(file), importPreviewSchema);
      setStep({ name: 'checked', preview });
    } catch (error) {
      setStep({ name: 'failed', failure: classifyImportError(error) });
    }
  }

  async function runImport(file: ChosenFile, preview: ImportPreviewAnswer) {
    setStep({ name: 'importing', preview });
    try {
      setStep({
        name: 'done',
        preview: await api.upload(importPath(kind, false), withType(file), importPreviewSchema),
      });
    } catch (error) {
      setStep({ name: 'failed', failure: classifyImportError(error) });
    }
  }

  function choose(file: File) {
    const contentType = importContentType(file);
    if (contentType === null) {
      setChosen(null);
      setWrongFile(t.import.wrongType(file.name));
      setStep({ name: 'idle' });
      return;
    }
    setWrongFile(null);
    const next = { file, contentType };
    setChosen(next);
    void check(next, kind);
  }

  function chooseKind(next: ImportKind) {
    setKind(next);
    if (chosen) void check(chosen, next);
    else setStep({ name: 'idle' });
  }

  const preview = step.name === 'checked' || step.name === 'importing' || step.name === 'done' ? step.preview : null;
  // A real import refused for row errors (422) carries the same preview: its table shows what to fix.
  const shownPreview =
    preview ?? (step.name === 'failed' && step.failure.kind === 'row-errors' ? step.failure.preview : null);
  const importable = step.name === 'checked' && step.preview.errorCount === 0 && step.preview.rows > 0;

  return (
    <CoordinatorShell section="import" title={t.import.title}>
      <div class="import-layout">
        <div class="co-panel import-layout__form">
          <fieldset class="import-kind">
            <legend class="co-field__label">{t.import.what}</legend>
            {(
              [
                ['catalog', t.import.catalog, t.import.catalogColumns],
                ['target-levels', t.import.targets, t.import.targetsColumns],
                ['sites', t.import.sites, t.import.sitesColumns],
                ['locations', t.import.locations, t.import.locationsColumns],
              ] as const
            ).map(([value, label, hint]) => (
              <KindOption key={value} value={value} label={label} hint={hint} current={kind} onChoose={chooseKind} />
            ))}
          </fieldset>
          <FileDrop
            id="import-file"
            label={t.import.file}
            prompt={t.import.drop}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            chosen={chosen && t.import.chosen(chosen.file.name, formatSize(lang, chosen.file.size))}
            onFile={choose}
          />
          <ErrorMessage>{wrongFile}</ErrorMessage>
          <div class="import-actions">
            <button
              type="button"
              class="button"
              disabled={chosen === null || step.name === 'checking' || step.name === 'importing'}
              onClick={() => chosen && void check(chosen, kind)}
            >
              {t.import.check}
            </button>
            <button
              type="button"
              class="button button--primary"
              disabled={!importable}
              onClick={() => chosen && preview && void runImport(chosen, preview)}
            >
              {step.name === 'importing' ? t.import.importing : t.import.importNow}
            </button>
          </div>
        </div>
        <section class="co-panel import-layout__result" aria-labelledby="import-result-title" aria-live="polite">
          <h2 class="co-panel__title" id="import-result-title">
            {t.import.previewTitle}
          </h2>
          <StepMessage step={step} lang={lang} t={t} />
          {shownPreview && <ImportPreview preview={shownPreview} />}
          {step.name === 'done' && (
            <button
              type="button"
              class="button"
              onClick={() => {
                setChosen(null);
                setStep({ name: 'idle' });
                document.getElementById('import-file')?.focus();
              }}
            >
              {t.import.another}
            </button>
          )}
        </section>
      </div>
    </CoordinatorShell>
  );
}

function KindOption({
  value,
  label,
  hint,
  current,
  onChoose,
}: {
  value: ImportKind;
  label: string;
  hint: string;
  current: ImportKind;
  onChoose: (kind: ImportKind) => void;
}) {
  return (
    <label class="import-kind__option">
      <input
        type="radio"
        name="import-kind"
        value={value}
        checked={current === value}
        onChange={() => onChoose(value)}
      />
      <span>
        <span class="import-kind__label">{label}</span>
        <span class="co-field__hint">{hint}</span>
      </span>
    </label>
  );
}

/** One sentence for where the import stands, and for a failure what to do about it. */
function StepMessage({ step, lang, t }: { step: Step; lang: Lang; t: OverviewStrings }) {
  const n = (value: number) => formatNumber(lang, value);
  switch (step.name) {
    case 'idle':
      return null;
    case 'checking':
      return <p class="co-muted">{t.import.checking}</p>;
    case 'importing':
      return <p class="co-muted">{t.import.importing}</p>;
    case 'checked':
      if (step.preview.errorCount > 0) return <p class="message message--error">{t.import.fixFirst}</p>;
      if (step.preview.rows === 0) return <p class="message message--error">{t.import.noRows}</p>;
      return <p class="message message--info">{t.import.ready}</p>;
    case 'done':
      return (
        <p class="message import-done" role="status" data-testid="import-done">
          {t.import.done(n(step.preview.new), n(step.preview.changed), n(step.preview.unchanged))}
        </p>
      );
    case 'failed':
      return (
        <p class="message message--error" role="alert" data-testid="import-failed">
          {failureText(step.failure, lang, t)}
        </p>
      );
  }
}

function failureText(failure: ImportFailure, lang: Lang, t: OverviewStrings): string {
  switch (failure.kind) {
    case 'row-errors':
      return t.import.failRowErrors(formatNumber(lang, failure.preview.errorCount));
    case 'no-rows':
      return t.import.failNoRows;
    case 'too-large':
      return t.import.failTooLarge;
    case 'unsupported-type':
      return t.import.failType;
    case 'unreadable':
      return t.import.failUnreadable(failure.message);
    case 'not-allowed':
      return t.import.failNotAllowed;
    case 'offline':
      return t.offline;
    case 'other':
      return t.import.failOther(failure.message);
  }
}

/** The file as the body, with the content type the server reads it by. */
function withType({ file, contentType }: ChosenFile): Blob {
  return file.type === contentType ? file : new Blob([file], { type: contentType });
}

function formatSize(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.round(bytes / 1024))} kB`;
  return `${new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}
