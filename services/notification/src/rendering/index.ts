export * from './email-templates';
export * from './template-renderer';
export * from './appendix';
export * from './header-text';
export * from './format';
export * from './templates-dir';
