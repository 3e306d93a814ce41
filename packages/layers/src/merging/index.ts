export { Merge, broadcastShapes } from './merge';
export { Add, Subtract, Multiply, Maximum, Minimum, Average, Concatenate, Dot, add, subtract, multiply, maximum, minimum, average, concatenate, dot } from './merge-layers';
