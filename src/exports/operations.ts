// What a transaction does, in words: `hive-auth-react/operations`, for a dApp's own sign UI (the sign prompt uses the
// same). Its own entry: the sign prompt loads it on first use, and a bundler that splits code keeps a shared module out
// of a page's first load only when no entry re-exports it.
export { describeOperation, type DescribeOperationOptions } from '../components/operations/describeOperation.js'
export { fetchHivePerVests } from '../core/chain/hivePerVests.js'
export { formatAmount, hivePerVestsOf, isZeroAmount } from '../core/hive/formatAmount.js'
export { operationKeyType, requiredAuthorities, type RequiredAuthority } from '../core/hive/operationAuthority.js'
export { assessOperations, type RiskAssessment, type RiskLevel, type RiskOptions, type RiskReason } from '../core/hive/operationRisk.js'
