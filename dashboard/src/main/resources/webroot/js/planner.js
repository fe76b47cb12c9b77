// The planner dashboard: login, tabs, and the shared context (facilities, time zone, roles).
import { getJson } from './dom.js';
import { t, applyStatic, setLanguage, language, onLanguageChange, useCityLocale } from './i18n.js';
import { apiGet, apiSend } from './api.js';
import * as history from './planner-history.js';
import * as profile from './planner-profile.js';
import * as traffic from './planner-traffic.js';
import * as quality from './planner-quality.js';
import * as guidance from './planner-guidance.js';
import * as ops from './planner-ops.js';

const TABS = { history, profile, traffic, quality, guidance, ops };
const state = { facilities: [], timezone: 'Europe/Berlin', user: null, tab: 'history' };

const context = {
  capacity: (id) => (state.facilities.find((f) => f.id === id) || { capacity: 1 }).capacity,
  name: (id) => (state.facilities.find((f) => f.id === id) || { name: id }).name,
  timezone: () => state.timezone,
  roles: () => (state.user ? state.user.roles : []),
};

function showLogin(message) {
  state.user = null;
  document.getElementById('workspace').hidden = true;
  document.getElementById('login').hidden = false;
  document.getElementById('logout').hidden = true;
  document.getElementById('user-name').textContent = '';
  document.getElementById('login-error').textContent = message || '';
  document.getElementById('login-user').focus();
}

async function showWorkspace(user) {
  state.user = user;
  document.getElementById('login').hidden = true;
  document.getElementById('workspace').hidden = false;
  document.getElementById('logout').hidden = false;
  document.getElementById('user-name').textContent = user.username;
  selectTab(state.tab);
}

function selectTab(name) {
  state.tab = name;
  document.querySelectorAll('.tab').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === name)));
  Object.keys(TABS).forEach((k) => { document.getElementById('pane-' + k).hidden = k !== name; });
  TABS[name].load();
}

async function login(e) {
  e.preventDefault();
  const r = await apiSend('POST', 'api/v1/auth/login', {
    username: document.getElementById('login-user').value,
    password: document.getElementById('login-password').value,
  });
  document.getElementById('login-password').value = '';
  if (r.ok) {
    showWorkspace(r.body);
  } else {
    document.getElementById('login-error').textContent = r.status === 429 ? t('loginThrottled') : t('loginFailed');
  }
}

function fillFacilitySelects() {
  const sorted = [...state.facilities].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  document.querySelectorAll('.facility-select').forEach((sel) => {
    sorted.forEach((f) => {
      const o = document.createElement('option');
      o.value = f.id;
      o.textContent = f.name;
      sel.append(o);
    });
  });
}

async function init() {
  applyStatic(document);
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = language() === 'de' ? 'EN' : 'DE';
  toggle.addEventListener('click', () => setLanguage(language() === 'de' ? 'en' : 'de'));
  onLanguageChange((l) => {
    toggle.textContent = l === 'de' ? 'EN' : 'DE';
    if (state.user) {
      selectTab(state.tab);
    }
  });
  document.getElementById('login-form').addEventListener('submit', login);
  document.getElementById('logout').addEventListener('click', async () => {
    await apiSend('POST', 'api/v1/auth/logout');
    showLogin();
  });
  document.addEventListener('parkleit:unauthorized', () => { if (state.user) { showLogin(t('sessionExpired')); } });
  document.querySelectorAll('.tab').forEach((b) => b.addEventListener('click', () => selectTab(b.dataset.tab)));
  const [config, facilities] = await Promise.all([getJson('api/v1/map/config'), getJson('api/v1/facilities')]);
  state.timezone = config.timezone || 'Europe/Berlin';
  useCityLocale(config.locale);
  state.facilities = facilities;
  document.getElementById('city-name').textContent = config.city;
  fillFacilitySelects();
  history.initHistory(context);
  profile.initProfile(context);
  traffic.initTraffic(context);
  quality.initQuality(context);
  guidance.initGuidanceTab(context);
  ops.initOps(context);
  const me = await apiGet('api/v1/auth/me');
  if (me.ok) {
    showWorkspace(me.body);
  } else {
    showLogin();
  }
  document.body.dataset.ready = 'true';
}

window.addEventListener('DOMContentLoaded', () => { init(); });
