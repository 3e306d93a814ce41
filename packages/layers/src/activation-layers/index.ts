export { Activation, ReLU, LeakyReLU, ELU, Softmax, PReLU, activation, reLU, leakyReLU, elu, softmax, pReLU } from './activation-layers';
