import { rows } from './rows';

// Dynamic: it reads the request's query, so it is rendered on every request (as every page of the app).
export default async function Page({ searchParams }) {
  const seed = Number((await searchParams).seed ?? 1) % 997;
  return (
    <main>
      <h1>Floor</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Indicator</th>
            <th scope="col">Actual</th>
            <th scope="col">Target</th>
            <th scope="col">Achievement</th>
          </tr>
        </thead>
        <tbody>
          {rows(seed).map((r) => (
            <tr key={r.code}>
              <td>{r.code}</td>
              <td>{r.name}</td>
              <td>{r.actual}</td>
              <td>{r.target}</td>
              <td>{Math.round((r.actual / r.target) * 100)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
