import { getFormatter, getTranslations } from 'next-intl/server';
import { auth } from '../auth';
import { rows } from '../../floor/app/rows';

// The floor's page (bench/floor/app/page.jsx), signed in and translated.
export default async function Page({ searchParams }) {
  const session = await auth();
  if (!session) return <p>Signed out</p>;
  const [t, format] = await Promise.all([getTranslations('floor'), getFormatter()]);
  const seed = Number((await searchParams).seed ?? 1) % 997;
  return (
    <main>
      <h1>{t('title')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('indicator')}</th>
            <th scope="col">{t('actual')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('achievement')}</th>
          </tr>
        </thead>
        <tbody>
          {rows(seed).map((r) => (
            <tr key={r.code}>
              <td>{r.code}</td>
              <td>{r.name}</td>
              <td>{format.number(r.actual)}</td>
              <td>{format.number(r.target)}</td>
              <td>{format.number(r.actual / r.target, { style: 'percent' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
