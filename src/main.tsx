import { render } from 'solid-js/web';
import './ui/styles.css';
import { App } from './ui/App';
import { openSession, workbookIdFromUrl } from './app/session';

const root = document.getElementById('root');
if (root) {
  void openSession(workbookIdFromUrl(location.href)).then((session) =>
    render(() => <App session={session} />, root),
  );
}
