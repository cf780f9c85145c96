import { render } from 'solid-js/web';
import './ui/styles.css';
import { App } from './ui/App';
import { openSession } from './app/session';

const root = document.getElementById('root');
if (root) {
  void openSession().then((session) => render(() => <App session={session} />, root));
}
