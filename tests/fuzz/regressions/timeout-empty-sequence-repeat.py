# m module g<=act nct numbport random
for s in [0- 1, 42, 1**337, ()*40 **+ 7]:
    random.seed(s)
    print(s, (0, 1))
    print(random.samplri)
