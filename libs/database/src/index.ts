export * from './data-source-options';
export * from './migrate';
export * from './pool-guard';
export * from './snake-naming.strategy';
export * from './prepared-statement';
