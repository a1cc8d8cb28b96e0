// The demo's simulated phone: an editable address book kept in localStorage, handed to
// <cs-device-sync> as a host app would hand over the phone's contacts.
const KEY = 'contactsync-demo-phone';
const STARTER = [
  { id: 'p1', displayName: 'Ieva Kalniņa', email: 'ieva@example.lv', phone: '+371 2612 3456' },
  { id: 'p2', displayName: 'Plumber', email: '', phone: '(415) 555-0199' },
  { id: 'p3', displayName: 'Marco Rossi', email: 'marco@example.it', phone: '' },
];

function load() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) ?? STARTER;
  } catch {
    return STARTER;
  }
}

/** The rows as device contacts: only what is filled in. */
function toDevice(rows) {
  return rows.map((r) => ({
    id: r.id,
    ...(r.displayName ? { displayName: r.displayName } : {}),
    ...(r.email ? { emails: [{ value: r.email }] } : {}),
    ...(r.phone ? { phones: [{ value: r.phone, type: 'mobile' }] } : {}),
  }));
}

export function startPhone(table, addButton, deviceSync) {
  let rows = load();
  const body = table.querySelector('tbody');

  const publish = () => {
    localStorage.setItem(KEY, JSON.stringify(rows));
    deviceSync.contacts = toDevice(rows);
  };

  const cell = (row, field, label) => {
    const td = document.createElement('td');
    const input = document.createElement('input');
    input.value = row[field];
    input.setAttribute('aria-label', `${label} of contact ${rows.indexOf(row) + 1}`);
    input.addEventListener('change', () => {
      row[field] = input.value.trim();
      publish();
    });
    td.append(input);
    return td;
  };

  const render = () => {
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove contact ${rows.indexOf(row) + 1} from the phone`);
        remove.addEventListener('click', () => {
          rows = rows.filter((r) => r !== row);
          render();
          publish();
        });
        const td = document.createElement('td');
        td.append(remove);
        tr.append(
          cell(row, 'displayName', 'Name'),
          cell(row, 'email', 'Email'),
          cell(row, 'phone', 'Phone'),
          td,
        );
        return tr;
      }),
    );
  };

  addButton.addEventListener('click', () => {
    rows = [...rows, { id: `p${Date.now()}`, displayName: '', email: '', phone: '' }];
    render();
    body.querySelector('tr:last-child input')?.focus();
  });

  render();
  publish();
}
