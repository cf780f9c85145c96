import { createSignal, For, Show } from 'solid-js';
import { SAMPLE_LABEL } from '../model/sample-data';
import {
  parseBackupBytes,
  planRestore,
  restoredTitles,
  serializeBackup,
  type Backup,
  type RestoreLine,
} from '../model/backup';
import { describeStorageError } from '../store/storage-errors';
import type { WorkbookRepository } from '../store/workbook-repository';
import {
  CLERK_SETTING,
  LAST_BACKUP_SETTING,
  LICENSE_SETTING,
  ORGANISATION_SETTING,
  THRESHOLDS_SETTING,
} from '../app/session';
import { FilePicker } from './FilePicker';
import { quoted } from '../model/quote';
import { keptBeforeRestoring } from '../model/version-name';
import { laterBackupTime, shownTime } from '../model/stored-time';

/** The settings a clerk sets in 设置, and a backup brings back when asked. */
const CLERK_SETTINGS = [CLERK_SETTING, ORGANISATION_SETTING, LICENSE_SETTING, THRESHOLDS_SETTING];
const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

const ACTION_TEXT: Record<RestoreLine['action'], string> = {
  add: '新增',
  replace: '替换浏览器中的旧版本',
  'replace-untouched': '替换浏览器中未填写过的初始工作簿',
  'browser-newer': '浏览器中的版本较新，默认不覆盖',
  same: '与浏览器中的版本相同（最后修改时间一致），无需恢复',
  'time-unknown': '最后修改时间无法读取，无法判断哪一份较新，默认不覆盖',
};

/** Back up every workbook to one file, and restore from such a file after showing what it will replace. */
export function BackupSection(props: {
  repository: WorkbookRepository;
  persisted: boolean | null;
  clerk: string;
  beforeLeave: () => Promise<void>;
  /** Restored: the page is opened again; the message says what was done. */
  onRestored: (message: string) => void;
  /** A backup file was made: what to tell the clerk. */
  onBackedUp?: (message: string) => void;
}) {
  const [problem, setProblem] = createSignal('');
  const [pending, setPending] = createSignal<{
    backup: Backup;
    fileName: string;
    lines: RestoreLine[];
  } | null>(null);
  const [chosen, setChosen] = createSignal(new Set<string>());
  const [withSettings, setWithSettings] = createSignal(false);
  /** Ticked by default because this browser has no settings of its own (a new PC): said beside the box. */
  const [settingsByDefault, setSettingsByDefault] = createSignal(false);

  const [done, setDone] = createSignal('');
  let plan: HTMLDivElement | undefined;
  let restoreButton: HTMLButtonElement | undefined;
  let problemLine: HTMLParagraphElement | undefined;
  /**
   * What choosing a file led to is brought into view: on a laptop the dialog's body ended above it (the file name
   * showed, and nothing else seemed to happen). The top of the list first, then as much as keeps its button seen.
   */
  const reveal = (...elements: (() => HTMLElement | undefined)[]) =>
    requestAnimationFrame(() =>
      elements.forEach((element) => element()?.scrollIntoView({ block: 'nearest' })),
    );
  const backUp = async () => {
    setProblem('');
    setDone('');
    try {
      await props.beforeLeave();
      const content = await props.repository.exportAll();
      const now = new Date();
      const blob = new Blob([serializeBackup(content, now)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      // With the time: two backups of one day no longer share a name (the browser saved the second as “(1)”).
      const time = now.toLocaleTimeString('sv-SE').slice(0, 5).replace(':', '');
      link.download = `儿童发展规划工作簿备份_${now.toLocaleDateString('sv-SE')}_${time}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      await props.repository.setSetting(LAST_BACKUP_SETTING, now.toISOString());
      const message =
        `已备份到文件${quoted(link.download)}（${content.workbooks.length} 个工作簿）：` +
        '请把它另存到U盘或单位共享盘，本机数据丢失时可用它恢复。';
      setDone(message);
      props.onBackedUp?.(message);
    } catch (error) {
      setProblem(describeStorageError(error, 'read').message);
    }
  };

  /** A failure reading the file or the browser's storage is said, not left as an error of the page (nothing seemed to happen). */
  const readFile = (file: File | undefined) =>
    planFromFile(file).catch((error: unknown) => {
      setPending(null);
      const name = file ? quoted(file.name) : '备份文件';
      setProblem(
        error instanceof DOMException && error.name === 'NotReadableError'
          ? `${name}无法读取（文件可能已被移走、改名，或U盘已拔出），没有恢复任何内容：请确认文件还在，再重新选择。`
          : `${name}没有恢复：${describeStorageError(error, 'read').message}`,
      );
      reveal(() => problemLine);
    });

  const planFromFile = async (file: File | undefined) => {
    setProblem('');
    setDone('');
    setPending(null);
    if (!file) return;
    const parsed = parseBackupBytes(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!parsed.ok) {
      setProblem(parsed.message);
      reveal(() => problemLine);
      return;
    }
    const lines = planRestore(parsed.backup, await props.repository.listWorkbooks());
    // On a new PC (no 填报人, 编制单位 … set here yet) the backup's settings come back with the workbooks unless
    // the clerk unticks them: left unticked, the history said （未填姓名） and reports lost the office's name.
    // (Named by who and where: the thresholds and the licence key are stored by any save of 设置, e.g. the key
    // entered first on the new PC.)
    const who = [CLERK_SETTING, ORGANISATION_SETTING];
    const own = await Promise.all(who.map((key) => props.repository.getSetting(key)));
    const fresh = !own.some(isSet) && CLERK_SETTINGS.some((key) => isSet(parsed.backup.settings[key]));
    setWithSettings(fresh);
    setSettingsByDefault(fresh);
    const restorable = new Set<RestoreLine['action']>(['add', 'replace', 'replace-untouched']);
    setChosen(new Set(lines.filter((l) => restorable.has(l.action)).map((l) => l.id)));
    setPending({ backup: parsed.backup, fileName: file.name, lines });
    reveal(
      () => plan,
      () => restoreButton,
    );
  };

  const restore = async () => {
    const current = pending();
    if (!current) return;
    try {
      await props.beforeLeave();
      const picked = current.backup.workbooks.filter((w) => chosen().has(w.id));
      const renamed = restoredTitles(picked, await props.repository.listWorkbooks());
      const workbooks = picked.map((w) => ({ ...w, title: renamed.get(w.id) ?? w.title }));
      const renamedText = picked
        .filter((w) => renamed.has(w.id))
        .map(
          (w) =>
            `工作簿${quoted(w.title)}与浏览器中另一个工作簿同名，恢复后名为${quoted(renamed.get(w.id)!)}，可在“工作簿”中重命名。`,
        )
        .join('');
      const source = { kind: 'restore', detail: current.fileName } as const;
      const now = new Date();
      await props.repository.restore(
        workbooks,
        withSettings() ? current.backup.settings : null,
        current.backup,
        {
          at: now.toISOString(),
          clerk: props.clerk,
          sourceOf: () => source,
        },
        // What the browser had is kept, so a restore of the wrong file or the wrong rows can be taken back.
        keptBeforeRestoring({ backupFile: current.fileName }, now),
      );
      // The file restored from is a backup of what the browser now holds: the reminder counts from it (it said
      // 还没有备份过 right after the restore, which read as if the restore had failed).
      const lastBackup = await props.repository.getSetting<string>(LAST_BACKUP_SETTING);
      // By time, not as text (a file written at +08:00); a file's time that cannot be read is not recorded. With the
      // settings, the recorded time is the file's own: one later than the file, or than now, was edited by hand.
      const restoredBackupAt = laterBackupTime(
        lastBackup,
        current.backup.createdAt,
        new Date(),
        withSettings() && LAST_BACKUP_SETTING in current.backup.settings,
      );
      if (restoredBackupAt) await props.repository.setSetting(LAST_BACKUP_SETTING, restoredBackupAt);
      // A colleague's backup brings the colleague's name: the next changes would be recorded under it.
      const restoredClerk = withSettings() ? current.backup.settings[CLERK_SETTING] : undefined;
      const whoNow =
        typeof restoredClerk === 'string' && restoredClerk !== '' && restoredClerk !== props.clerk
          ? `设置已一并恢复，填报人现为${quoted(restoredClerk)}：如不是您本人，请在“设置”中改为您的姓名。`
          : '';
      // (A workbook never edited here is not kept: there was nothing in it.)
      const kept = current.lines.some(
        (l) => l.action !== 'replace-untouched' && l.action !== 'add' && chosen().has(l.id),
      )
        ? '恢复前浏览器中的内容已存为版本，可在“版本”中找回。'
        : '';
      props.onRestored(
        `已从备份${quoted(current.fileName)}恢复 ${workbooks.length} 个工作簿。` +
          kept +
          renamedText +
          whoNow,
      );
    } catch (error) {
      setProblem(describeStorageError(error, 'write', '恢复备份').message);
    }
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  return (
    <fieldset class="backup">
      <legend>备份与恢复</legend>
      <p class="hint">
        数据只保存在这台电脑的这个浏览器里。请定期备份到文件（含全部工作簿、数值、公式、设置、修改记录和已保存的版本），换电脑或清理浏览器后可从文件恢复。
      </p>
      <p class="hint">
        {props.persisted === true
          ? '浏览器已同意持久保存本工作簿的数据（不会因磁盘空间紧张被自动清除）。'
          : '浏览器没有承诺持久保存数据（磁盘空间紧张或清理浏览数据时可能被清除），请务必定期备份。'}
      </p>
      <button type="button" onClick={() => void backUp()}>
        备份全部到文件
      </button>
      <FilePicker
        label="从备份文件恢复"
        buttonText="选择备份文件…"
        accept=".json,application/json"
        onFiles={(files) => void readFile(files[0])}
      />
      <Show when={pending()}>
        {(p) => (
          <div class="restore-plan" ref={plan}>
            <p>
              备份时间：
              {shownTime(p().backup.createdAt)}
              。请选择要恢复的工作簿：
            </p>
            <table aria-label="恢复内容">
              <thead>
                <tr>
                  <th>恢复</th>
                  <th>工作簿</th>
                  <th>文件中的版本</th>
                  <th>浏览器中的版本</th>
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                <For each={p().lines}>
                  {(line) => (
                    <tr
                      classList={{ warn: line.action === 'browser-newer' || line.action === 'time-unknown' }}
                    >
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`恢复 ${line.title}`}
                          checked={chosen().has(line.id)}
                          onChange={(e) => toggle(line.id, e.currentTarget.checked)}
                        />
                      </td>
                      <td>
                        {line.title}
                        <Show when={line.isSample && !line.title.includes(SAMPLE_LABEL)}>
                          <span class="sample-mark">·{SAMPLE_LABEL}</span>
                        </Show>
                      </td>
                      <td>{line.inFile ? shownTime(line.inFile) : '—'}</td>
                      <td>{line.inBrowser !== null ? shownTime(line.inBrowser) : '（无）'}</td>
                      <td>
                        {ACTION_TEXT[line.action]}
                        <Show when={line.deletedInBrowser}>（浏览器中已删除，可在上方“已删除”中恢复）</Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <label>
              <input
                type="checkbox"
                checked={withSettings()}
                onChange={(e) => setWithSettings(e.currentTarget.checked)}
              />
              同时恢复设置（填报人、编制单位、许可证密钥、预警阈值）
            </label>
            <Show when={settingsByDefault() && withSettings()}>
              <p class="hint">本浏览器还没有填报人和编制单位，已默认勾选一并恢复备份中的设置。</p>
            </Show>
            <button
              ref={restoreButton}
              type="button"
              disabled={chosen().size === 0}
              onClick={() => void restore()}
            >
              恢复所选（{chosen().size} 个）
            </button>
          </div>
        )}
      </Show>
      <Show when={done()}>
        <p role="status">{done()}</p>
      </Show>
      <Show when={problem()}>
        <p class="problem" role="alert" ref={problemLine}>
          {problem()}
        </p>
      </Show>
    </fieldset>
  );
}
