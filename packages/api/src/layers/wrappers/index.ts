export { Bidirectional, bidirectional, type BidirectionalArgs } from './bidirectional';
export { TimeDistributed, timeDistributed, type TimeDistributedArgs } from './time-distributed';
