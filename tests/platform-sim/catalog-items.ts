/**
 * The simulated platform's service items: a realistic slice of a city's implementation list
 * (实施清单), shaped exactly by the spec's ServiceItem, over more than a dozen themes. The codes,
 * departments and time limits are plausible but invented; no real person appears anywhere.
 *
 * Chosen so the terminal's screens meet every case: items a resident can finish here with only an
 * identity card and a signature (several of them 秒批), and items that cannot be finished here —
 * only at a window, needing scanned materials, e-licences or a commitment, needing a face check,
 * with a fee, or a form that cannot be prefilled from the card — and 一件事 bundles. The first item
 * is one the walking skeleton can complete.
 */
import type { ServiceItem } from '../../electron/host/platform/types';
import { BUNDLE_ITEMS } from './catalog-items/bundles';
import { CIVIL_AFFAIRS_DOCUMENTS, CIVIL_AFFAIRS_ITEMS } from './catalog-items/civil-affairs';
import { EDUCATION_BUSINESS_ITEMS } from './catalog-items/education-business';
import { HEALTH_DOCUMENTS, HEALTH_ITEMS } from './catalog-items/health';
import { HOUSING_TAX_DOCUMENTS, HOUSING_TAX_ITEMS } from './catalog-items/housing-tax';
import { PUBLIC_SECURITY_DOCUMENTS, PUBLIC_SECURITY_ITEMS } from './catalog-items/public-security';
import { SOCIAL_SECURITY_DOCUMENTS, SOCIAL_SECURITY_ITEMS } from './catalog-items/social-security';

export const CATALOG_ITEMS: readonly ServiceItem[] = [
  ...SOCIAL_SECURITY_ITEMS,
  ...HEALTH_ITEMS,
  ...CIVIL_AFFAIRS_ITEMS,
  ...PUBLIC_SECURITY_ITEMS,
  ...HOUSING_TAX_ITEMS,
  ...EDUCATION_BUSINESS_ITEMS,
  ...BUNDLE_ITEMS,
];

/** Documents the platform issues at once for 秒批 items (the `result` of their receipt). */
export const INSTANT_DOCUMENTS: Readonly<Record<string, string>> = {
  ...SOCIAL_SECURITY_DOCUMENTS,
  ...HEALTH_DOCUMENTS,
  ...CIVIL_AFFAIRS_DOCUMENTS,
  ...PUBLIC_SECURITY_DOCUMENTS,
  ...HOUSING_TAX_DOCUMENTS,
};

/** Where an item is served in the hall when it is not done here, by theme (queue tickets). */
export const WINDOW_AREAS_BY_THEME: Readonly<Record<string, string>> = {
  社保: '2楼 B区 社保窗口',
  就业创业: '2楼 B区 就业创业窗口',
  医保: '2楼 C区 医保窗口',
  婚育: '3楼 C区 卫生健康窗口',
  公积金: '2楼 D区 公积金窗口',
  户籍: '1楼 A区 公安户籍窗口',
  出入境: '1楼 E区 出入境窗口',
  交通出行: '1楼 F区 车驾管窗口',
  民政: '3楼 A区 民政窗口',
  老年人: '3楼 A区 民政窗口',
  残疾人: '1楼 D区 残联服务窗口',
  不动产: '2楼 A区 不动产登记窗口',
  税务: '1楼 G区 税务窗口',
  教育: '3楼 B区 教育窗口',
  市场监管: '3楼 企业服务专区',
};
