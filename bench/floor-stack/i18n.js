import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';

const messages = {
  en: { floor: { title: 'Floor', code: 'Code', indicator: 'Indicator', actual: 'Actual', target: 'Target', achievement: 'Achievement' }, errors: { retry: 'Try again' } },
  zh: { floor: { title: '基线', code: '代码', indicator: '指标', actual: '实际', target: '目标', achievement: '完成率' }, errors: { retry: '重试' } },
};

// The locale from a cookie, as a signed-in app keeps its reader's choice.
export default getRequestConfig(async () => {
  const locale = (await cookies()).get('locale')?.value === 'zh' ? 'zh' : 'en';
  return { locale, messages: messages[locale], timeZone: 'UTC' };
});
