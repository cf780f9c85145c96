import { render } from 'solid-js/web';
import './ui/styles.css';
import { App } from './ui/App';
import { openSession, workbookIdFromUrl } from './app/session';

const root = document.getElementById('root');
if (root) {
  // Marks for `npm run bench`: the script has run, the workbook is read from storage (the grid follows).
  performance.mark('script-start');
  void openSession(workbookIdFromUrl(location.href)).then((session) => {
    performance.mark('session-open');
    render(() => <App session={session} />, root);
  });
}
