// Fail at once, in one line, when Chromium is missing: the browser tests must never hang or be skipped silently.
import { accessSync, constants } from 'node:fs';
import { chromiumPath } from './chromium-path.mjs';

try {
  accessSync(chromiumPath, constants.X_OK);
} catch {
  console.error(
    `找不到 Chromium（${chromiumPath}）：请先安装 Debian 包 chromium 和 fonts-noto-cjk（apt-get install chromium fonts-noto-cjk），或用环境变量 CHROMIUM_PATH 指定 Chromium 可执行文件的路径。`,
  );
  process.exit(1);
}
