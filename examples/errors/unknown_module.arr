# Importing a module arr does not provide.
import numpy as np
import pandas as pd
