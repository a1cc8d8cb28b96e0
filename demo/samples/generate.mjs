// Writes a large CSV for trying imports at scale: node demo/samples/generate.mjs 100000 > big.csv
const count = Number(process.argv[2] ?? 100_000);
const first = ['Ann', 'Bob', 'Chen', 'Dana', 'Eli', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Jana'];
const last = [
  'Lee',
  'Stone',
  'Ozols',
  'Berzina',
  'Smith',
  'Garcia',
  'Ito',
  'Novak',
  'Khan',
  'Moreau',
];
const lines = ['Email,First Name,Last Name,Mobile Phone,Company,Member id'];
for (let i = 0; i < count; i++) {
  const f = first[i % first.length];
  const l = last[Math.floor(i / first.length) % last.length];
  const phone = `+1 415 ${String(200 + (i % 700)).padStart(3, '0')} ${String(i % 10000).padStart(4, '0')}`;
  lines.push(`member${i}@example.com,${f},${l},${phone},Company ${i % 997},M-${i}`);
  // Write in slices, so a million rows do not sit in one string.
  if (lines.length === 10_000) process.stdout.write(lines.splice(0).join('\n') + '\n');
}
process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
