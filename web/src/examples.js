// The examples: .py files in web/examples/, bundled as text (esbuild --loader:.py=text).
import addMul from '../examples/01_add_mul.py';
import topo from '../examples/02_topological_order.py';
import reluMm from '../examples/03_relu_mm.py';
import broadcasting from '../examples/04_broadcasting.py';
import softmaxCe from '../examples/05_softmax_cross_entropy.py';
import training from '../examples/06_training_loop.py';
import secondOrder from '../examples/07_second_order.py';
import noGrad from '../examples/08_no_grad_detach.py';
import error from '../examples/09_error.py';
import scratchAddMul from '../examples/10_scratch_add_mul.py';
import scratchTopo from '../examples/11_scratch_topological.py';
import scratchReluMm from '../examples/12_scratch_relu_matmul.py';
import moduleClass from '../examples/13_module.py';

export const EXAMPLES = [
  { id: 'add_mul', file: '01_add_mul.py', title: 'a + b and a * b', source: addMul },
  { id: 'topological_order', file: '02_topological_order.py', title: 'Topological order (a diamond)', source: topo },
  { id: 'relu_mm', file: '03_relu_mm.py', title: 'ReLU and mm', source: reluMm },
  { id: 'broadcasting', file: '04_broadcasting.py', title: 'Broadcasting', source: broadcasting },
  { id: 'softmax_ce', file: '05_softmax_cross_entropy.py', title: 'Softmax + cross-entropy', source: softmaxCe },
  { id: 'training_loop', file: '06_training_loop.py', title: 'Training loop (linear regression)', source: training },
  { id: 'second_order', file: '07_second_order.py', title: 'Second-order gradients', source: secondOrder },
  { id: 'no_grad_detach', file: '08_no_grad_detach.py', title: 'no_grad and detach', source: noGrad },
  { id: 'error', file: '09_error.py', title: 'An error (shape mismatch)', source: error },
  // The from-scratch numpy versions of examples 1-3, each followed by the same computation in torch.
  { id: 'scratch_add_mul', file: '10_scratch_add_mul.py', title: 'From scratch (numpy): + and *', source: scratchAddMul },
  { id: 'scratch_topological', file: '11_scratch_topological.py', title: 'From scratch (numpy): topological backward', source: scratchTopo },
  { id: 'scratch_relu_matmul', file: '12_scratch_relu_matmul.py', title: 'From scratch (numpy): ReLU and matmul', source: scratchReluMm },
  { id: 'module', file: '13_module.py', title: 'A model as an nn.Module class', source: moduleClass },
];

export const DEFAULT_EXAMPLE = 'relu_mm';
