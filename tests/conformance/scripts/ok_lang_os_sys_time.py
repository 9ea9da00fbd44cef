# check-stdout
# Python's os / os.path / sys / time as far as a sandboxed script uses them.
import os
import os.path
import sys
import time
from os.path import join
print(os.path.join('data', 'mnist', 'train.pt'), join('/a/', 'b'), os.path.join('a', '/abs'))
print(os.path.basename('/x/y/model.pt'), os.path.dirname('/x/y/model.pt'), os.path.splitext('run.tar.gz'))
print(os.path.splitext('.bashrc'), os.path.split('a/b'))
print(os.environ.get('TENSORLENS_SURELY_UNSET'), os.getenv('TENSORLENS_SURELY_UNSET', 'dflt'))
t0 = time.time()
t1 = time.perf_counter()
print(isinstance(t0, float), time.time() >= t0, time.perf_counter() >= t1)
n = sys.stdout.write('written\n')
print(n, isinstance(sys.version, str), isinstance(sys.argv, list))
