/**
 * The 17 Sustainable Development Goals (General Assembly resolution 70/1, "Transforming our world: the 2030
 * Agenda for Sustainable Development"), with the UN's official short titles in English and Chinese, as the goal
 * icons print them. The codes are the goal numbers, the same the IATI SDG codelist (tag vocabulary 2) uses.
 */
export interface SdgGoal {
  code: string;
  title: string;
  titleZh: string;
}

export const sdgGoals: readonly SdgGoal[] = [
  { code: '1', title: 'No poverty', titleZh: '无贫穷' },
  { code: '2', title: 'Zero hunger', titleZh: '零饥饿' },
  { code: '3', title: 'Good health and well-being', titleZh: '良好健康与福祉' },
  { code: '4', title: 'Quality education', titleZh: '优质教育' },
  { code: '5', title: 'Gender equality', titleZh: '性别平等' },
  { code: '6', title: 'Clean water and sanitation', titleZh: '清洁饮水和卫生设施' },
  { code: '7', title: 'Affordable and clean energy', titleZh: '经济适用的清洁能源' },
  { code: '8', title: 'Decent work and economic growth', titleZh: '体面工作和经济增长' },
  { code: '9', title: 'Industry, innovation and infrastructure', titleZh: '产业、创新和基础设施' },
  { code: '10', title: 'Reduced inequalities', titleZh: '减少不平等' },
  { code: '11', title: 'Sustainable cities and communities', titleZh: '可持续城市和社区' },
  { code: '12', title: 'Responsible consumption and production', titleZh: '负责任消费和生产' },
  { code: '13', title: 'Climate action', titleZh: '气候行动' },
  { code: '14', title: 'Life below water', titleZh: '水下生物' },
  { code: '15', title: 'Life on land', titleZh: '陆地生物' },
  { code: '16', title: 'Peace, justice and strong institutions', titleZh: '和平、正义与强大机构' },
  { code: '17', title: 'Partnerships for the goals', titleZh: '促进目标实现的伙伴关系' },
];
