import NextAuth from 'next-auth';

// A session in an encrypted cookie (JWT), as the app keeps it; the benchmark mints one (bench/lib/floor.ts).
export const { auth } = NextAuth({ providers: [], session: { strategy: 'jwt' }, trustHost: true });
