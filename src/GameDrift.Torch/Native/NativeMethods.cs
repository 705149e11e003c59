using System.Runtime.InteropServices;

namespace GameDrift.Torch.Native;

/// <summary>The C surface of the shim (src/GameDrift.Torch/native). Handles are owned at::Tensor pointers.</summary>
/// <remarks>Failure is reported as a null handle or a negative status, with the message in gd_last_error.</remarks>
internal static unsafe class NativeMethods
{
    internal const string Lib = "gamedrift_torch";

    // errors and lifetime
    [DllImport(Lib)] internal static extern IntPtr gd_last_error();
    [DllImport(Lib)] internal static extern void gd_clear_error();
    [DllImport(Lib)] internal static extern void gd_tensor_free(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_tensor_alias(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_to_string(IntPtr t);
    [DllImport(Lib)] internal static extern void gd_free_string(IntPtr s);

    // creation
    [DllImport(Lib)] internal static extern IntPtr gd_empty(long* shape, int n, int dtype, int dt, int di, int rg);
    [DllImport(Lib)] internal static extern IntPtr gd_zeros(long* shape, int n, int dtype, int dt, int di, int rg);
    [DllImport(Lib)] internal static extern IntPtr gd_ones(long* shape, int n, int dtype, int dt, int di, int rg);
    [DllImport(Lib)] internal static extern IntPtr gd_full(long* shape, int n, double v, long iv, int isInt, int dtype, int dt, int di, int rg);
    [DllImport(Lib)] internal static extern IntPtr gd_eye(long n, long m, int dtype, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_arange(double start, double end, double step, int dtype, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_linspace(double start, double end, long steps, int dtype, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_from_blob(void* data, long* shape, int n, int dtype, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_zeros_like(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_ones_like(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_full_like(IntPtr t, double v);

    // properties
    [DllImport(Lib)] internal static extern int gd_dim(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_shape(IntPtr t, long* shape, int cap);
    [DllImport(Lib)] internal static extern long gd_numel(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_dtype(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_device_type(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_device_index(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_requires_grad(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_set_requires_grad(IntPtr t, int rg);
    [DllImport(Lib)] internal static extern int gd_is_leaf(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_is_contiguous(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_element_size(IntPtr t);

    // data
    [DllImport(Lib)] internal static extern int gd_copy_to(IntPtr t, void* dst, long nbytes);
    [DllImport(Lib)] internal static extern int gd_item(IntPtr t, out double d, out long l);
    [DllImport(Lib)] internal static extern IntPtr gd_to_dtype(IntPtr t, int dtype);
    [DllImport(Lib)] internal static extern IntPtr gd_to_device(IntPtr t, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_to(IntPtr t, int dt, int di, int dtype);
    [DllImport(Lib)] internal static extern IntPtr gd_contiguous(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_clone(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_detach(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_detach_(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_copy_(IntPtr dst, IntPtr src);

    // shape
    [DllImport(Lib)] internal static extern IntPtr gd_view(IntPtr t, long* s, int n);
    [DllImport(Lib)] internal static extern IntPtr gd_reshape(IntPtr t, long* s, int n);
    [DllImport(Lib)] internal static extern IntPtr gd_permute(IntPtr t, long* s, int n);
    [DllImport(Lib)] internal static extern IntPtr gd_transpose(IntPtr t, long a, long b);
    [DllImport(Lib)] internal static extern IntPtr gd_squeeze(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_squeeze_dim(IntPtr t, long d);
    [DllImport(Lib)] internal static extern IntPtr gd_unsqueeze(IntPtr t, long d);
    [DllImport(Lib)] internal static extern IntPtr gd_flatten(IntPtr t, long a, long b);
    [DllImport(Lib)] internal static extern IntPtr gd_expand(IntPtr t, long* s, int n);
    [DllImport(Lib)] internal static extern IntPtr gd_repeat(IntPtr t, long* s, int n);
    [DllImport(Lib)] internal static extern IntPtr gd_flip(IntPtr t, long* s, int n);
    [DllImport(Lib)] internal static extern IntPtr gd_roll(IntPtr t, long* shifts, long* dims, int n);
    [DllImport(Lib)] internal static extern IntPtr gd_cat(IntPtr* ts, int n, long dim);
    [DllImport(Lib)] internal static extern IntPtr gd_stack(IntPtr* ts, int n, long dim);
    [DllImport(Lib)] internal static extern int gd_chunk(IntPtr t, long chunks, long dim, IntPtr* outp, int cap);
    [DllImport(Lib)] internal static extern int gd_split(IntPtr t, long* sizes, int n, long dim, IntPtr* outp);

    // indexing
    [DllImport(Lib)] internal static extern IntPtr gd_select(IntPtr t, long dim, long index);
    [DllImport(Lib)] internal static extern IntPtr gd_slice(IntPtr t, long dim, long start, long end, long step);
    [DllImport(Lib)] internal static extern IntPtr gd_narrow(IntPtr t, long dim, long start, long len);
    [DllImport(Lib)] internal static extern IntPtr gd_index_select(IntPtr t, long dim, IntPtr idx);
    [DllImport(Lib)] internal static extern IntPtr gd_index(IntPtr t, IntPtr* idx, int n);
    [DllImport(Lib)] internal static extern int gd_index_put_(IntPtr t, IntPtr* idx, int n, IntPtr v);
    [DllImport(Lib)] internal static extern IntPtr gd_gather(IntPtr t, long dim, IntPtr idx);
    [DllImport(Lib)] internal static extern IntPtr gd_masked_select(IntPtr t, IntPtr m);
    [DllImport(Lib)] internal static extern IntPtr gd_masked_fill(IntPtr t, IntPtr m, double v);
    [DllImport(Lib)] internal static extern IntPtr gd_nonzero(IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_where(IntPtr c, IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_one_hot(IntPtr t, long n);
    [DllImport(Lib)] internal static extern IntPtr gd_tril(IntPtr t, long k);
    [DllImport(Lib)] internal static extern IntPtr gd_triu(IntPtr t, long k);
    [DllImport(Lib)] internal static extern IntPtr gd_diag(IntPtr t, long k);
    [DllImport(Lib)] internal static extern IntPtr gd_diag_embed(IntPtr t);

    // math
    [DllImport(Lib)] internal static extern IntPtr gd_unary(int op, IntPtr t);
    [DllImport(Lib)] internal static extern IntPtr gd_binary(int op, IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_binary_scalar(int op, IntPtr a, double v, long iv, int isInt);
    [DllImport(Lib)] internal static extern IntPtr gd_add_scaled(IntPtr a, IntPtr b, double alpha);
    [DllImport(Lib)] internal static extern IntPtr gd_clamp(IntPtr t, double lo, double hi, int hasLo, int hasHi);
    [DllImport(Lib)] internal static extern IntPtr gd_softplus(IntPtr t, double beta, double threshold);
    [DllImport(Lib)] internal static extern IntPtr gd_leaky_relu(IntPtr t, double slope);
    [DllImport(Lib)] internal static extern IntPtr gd_hardtanh(IntPtr t, double lo, double hi);
    [DllImport(Lib)] internal static extern IntPtr gd_lerp(IntPtr a, IntPtr b, double w);
    [DllImport(Lib)] internal static extern IntPtr gd_nan_to_num(IntPtr t, double nan, double posinf, double neginf);
    [DllImport(Lib)] internal static extern IntPtr gd_softmax(IntPtr t, long dim);
    [DllImport(Lib)] internal static extern IntPtr gd_log_softmax(IntPtr t, long dim);
    [DllImport(Lib)] internal static extern IntPtr gd_cumsum(IntPtr t, long dim);
    [DllImport(Lib)] internal static extern int gd_add_(IntPtr a, IntPtr b, double alpha);
    [DllImport(Lib)] internal static extern int gd_mul_(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern int gd_div_(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern int gd_add_scalar_(IntPtr a, double s);
    [DllImport(Lib)] internal static extern int gd_mul_scalar_(IntPtr a, double s);
    [DllImport(Lib)] internal static extern int gd_fill_(IntPtr a, double s);
    [DllImport(Lib)] internal static extern int gd_zero_(IntPtr a);
    [DllImport(Lib)] internal static extern int gd_addcmul_(IntPtr a, IntPtr b, IntPtr c, double v);
    [DllImport(Lib)] internal static extern int gd_addcdiv_(IntPtr a, IntPtr b, IntPtr c, double v);
    [DllImport(Lib)] internal static extern int gd_lerp_(IntPtr a, IntPtr b, double w);
    [DllImport(Lib)] internal static extern int gd_clamp_(IntPtr a, double lo, double hi);
    [DllImport(Lib)] internal static extern int gd_sqrt_(IntPtr a);
    [DllImport(Lib)] internal static extern int gd_maximum_out_(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_reduce(int op, IntPtr t, long* dims, int n, int keep);
    [DllImport(Lib)] internal static extern IntPtr gd_var_std(IntPtr t, long* dims, int n, long correction, int keep, int isStd);
    [DllImport(Lib)] internal static extern IntPtr gd_norm(IntPtr t, double p, long* dims, int n, int keep);
    [DllImport(Lib)] internal static extern int gd_max_dim(IntPtr t, long dim, int keep, int isMin, out IntPtr values, out IntPtr indices);
    [DllImport(Lib)] internal static extern IntPtr gd_argmax(IntPtr t, long dim, int hasDim, int keep, int isMin);
    [DllImport(Lib)] internal static extern int gd_sort(IntPtr t, long dim, int descending, out IntPtr values, out IntPtr indices);
    [DllImport(Lib)] internal static extern int gd_topk(IntPtr t, long k, long dim, int largest, out IntPtr values, out IntPtr indices);
    [DllImport(Lib)] internal static extern int gd_allclose(IntPtr a, IntPtr b, double rtol, double atol);
    [DllImport(Lib)] internal static extern int gd_equal(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_matmul(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_mm(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_bmm(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_outer(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_dot(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_trace(IntPtr a);
    [DllImport(Lib)] internal static extern IntPtr gd_inverse(IntPtr a);
    [DllImport(Lib)] internal static extern IntPtr gd_det(IntPtr a);
    [DllImport(Lib)] internal static extern IntPtr gd_solve(IntPtr a, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_cholesky(IntPtr a);
    [DllImport(Lib)] internal static extern int gd_eigh(IntPtr a, out IntPtr values, out IntPtr vectors);
    [DllImport(Lib)] internal static extern IntPtr gd_eigvals(IntPtr a);
    [DllImport(Lib)] internal static extern int gd_svd(IntPtr a, out IntPtr u, out IntPtr s, out IntPtr vh);

    // nn functional
    [DllImport(Lib)] internal static extern IntPtr gd_linear(IntPtr x, IntPtr w, IntPtr b);
    [DllImport(Lib)] internal static extern IntPtr gd_conv2d(IntPtr x, IntPtr w, IntPtr b, long* stride, long* padding, long* dilation, long groups);
    [DllImport(Lib)] internal static extern IntPtr gd_conv_transpose2d(IntPtr x, IntPtr w, IntPtr b, long* stride, long* padding, long* outputPadding, long groups, long* dilation);
    [DllImport(Lib)] internal static extern IntPtr gd_conv1d(IntPtr x, IntPtr w, IntPtr b, long stride, long padding, long dilation, long groups);
    [DllImport(Lib)] internal static extern IntPtr gd_batch_norm(IntPtr x, IntPtr w, IntPtr b, IntPtr rm, IntPtr rv, int training, double momentum, double eps);
    [DllImport(Lib)] internal static extern IntPtr gd_layer_norm(IntPtr x, long* shape, int n, IntPtr w, IntPtr b, double eps);
    [DllImport(Lib)] internal static extern IntPtr gd_group_norm(IntPtr x, long groups, IntPtr w, IntPtr b, double eps);
    [DllImport(Lib)] internal static extern IntPtr gd_dropout(IntPtr x, double p, int training);
    [DllImport(Lib)] internal static extern IntPtr gd_embedding(IntPtr w, IntPtr idx);
    [DllImport(Lib)] internal static extern IntPtr gd_max_pool2d(IntPtr x, long* k, long* s, long* p);
    [DllImport(Lib)] internal static extern IntPtr gd_avg_pool2d(IntPtr x, long* k, long* s, long* p);
    [DllImport(Lib)] internal static extern IntPtr gd_adaptive_avg_pool2d(IntPtr x, long h, long w);
    [DllImport(Lib)] internal static extern IntPtr gd_interpolate(IntPtr x, long h, long w, int mode, int alignCorners);
    [DllImport(Lib)] internal static extern IntPtr gd_pad(IntPtr x, long* pads, int n, int mode, double value);
    [DllImport(Lib)] internal static extern IntPtr gd_bce_with_logits(IntPtr x, IntPtr y, IntPtr w, int reduction);
    [DllImport(Lib)] internal static extern IntPtr gd_bce(IntPtr x, IntPtr y, int reduction);
    [DllImport(Lib)] internal static extern IntPtr gd_mse_loss(IntPtr x, IntPtr y, int reduction);
    [DllImport(Lib)] internal static extern IntPtr gd_l1_loss(IntPtr x, IntPtr y, int reduction);
    [DllImport(Lib)] internal static extern IntPtr gd_cross_entropy(IntPtr x, IntPtr y, int reduction, double labelSmoothing);
    [DllImport(Lib)] internal static extern IntPtr gd_nll_loss(IntPtr x, IntPtr y, int reduction);

    // autograd
    [DllImport(Lib)] internal static extern int gd_backward(IntPtr* ts, IntPtr* grads, int n, int retainGraph, int createGraph);
    [DllImport(Lib)] internal static extern int gd_grad(IntPtr* outputs, int nOut, IntPtr* gradOutputs, IntPtr* inputs, int nIn, int retainGraph, int createGraph, int allowUnused, IntPtr* result);
    [DllImport(Lib)] internal static extern IntPtr gd_get_grad(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_set_grad(IntPtr t, IntPtr g);
    [DllImport(Lib)] internal static extern int gd_retain_grad(IntPtr t);
    [DllImport(Lib)] internal static extern int gd_grad_enabled();
    [DllImport(Lib)] internal static extern void gd_set_grad_enabled(int on);
    [DllImport(Lib)] internal static extern IntPtr gd_grad_fn_name(IntPtr t);

    // runtime
    [DllImport(Lib)] internal static extern IntPtr gd_generator_new(ulong seed);
    [DllImport(Lib)] internal static extern void gd_generator_free(IntPtr g);
    [DllImport(Lib)] internal static extern int gd_generator_seed(IntPtr g, ulong seed);
    [DllImport(Lib)] internal static extern IntPtr gd_generator_get_state(IntPtr g);
    [DllImport(Lib)] internal static extern int gd_generator_set_state(IntPtr g, IntPtr state);
    [DllImport(Lib)] internal static extern void gd_manual_seed(ulong seed);
    [DllImport(Lib)] internal static extern IntPtr gd_randn(long* s, int n, IntPtr g, int dtype, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_rand(long* s, int n, IntPtr g, int dtype, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_randint(long lo, long hi, long* s, int n, IntPtr g, int dtype, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_randperm(long n, IntPtr g, int dt, int di);
    [DllImport(Lib)] internal static extern IntPtr gd_bernoulli(IntPtr p, IntPtr g);
    [DllImport(Lib)] internal static extern int gd_normal_(IntPtr t, double mean, double std, IntPtr g);
    [DllImport(Lib)] internal static extern int gd_uniform_(IntPtr t, double lo, double hi, IntPtr g);
    [DllImport(Lib)] internal static extern void gd_set_num_threads(int n);
    [DllImport(Lib)] internal static extern int gd_get_num_threads();
    [DllImport(Lib)] internal static extern int gd_cuda_is_available();
    [DllImport(Lib)] internal static extern int gd_cuda_device_count();
    [DllImport(Lib)] internal static extern int gd_cuda_synchronize(int index);
    [DllImport(Lib)] internal static extern int gd_set_allow_tf32(int cudnn, int cublas);
    [DllImport(Lib)] internal static extern int gd_allow_tf32_cudnn();
    [DllImport(Lib)] internal static extern IntPtr gd_config();
    [DllImport(Lib)] internal static extern IntPtr gd_version();
    [DllImport(Lib)] internal static extern int gd_save_dict(IntPtr* names, IntPtr* ts, int n, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    [DllImport(Lib)] internal static extern IntPtr gd_load_dict([MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    [DllImport(Lib)] internal static extern int gd_dict_size(IntPtr d);
    [DllImport(Lib)] internal static extern IntPtr gd_dict_key(IntPtr d, int i);
    [DllImport(Lib)] internal static extern IntPtr gd_dict_tensor(IntPtr d, int i);
    [DllImport(Lib)] internal static extern void gd_dict_free(IntPtr d);
    [DllImport(Lib)] internal static extern IntPtr gd_jit_load([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int dt, int di);
    [DllImport(Lib)] internal static extern void gd_jit_free(IntPtr m);
    [DllImport(Lib)] internal static extern int gd_jit_train(IntPtr m, int on);
    [DllImport(Lib)] internal static extern int gd_jit_to(IntPtr m, int dt, int di);
    [DllImport(Lib)] internal static extern int gd_jit_is_training(IntPtr m);
    [DllImport(Lib)] internal static extern int gd_jit_save(IntPtr m, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    [DllImport(Lib)] internal static extern IntPtr gd_jit_named(IntPtr m, int what);
    [DllImport(Lib)] internal static extern int gd_jit_bind(IntPtr m, IntPtr* names, IntPtr* ts, int n);
    [DllImport(Lib)] internal static extern int gd_jit_call_exact(IntPtr m, [MarshalAs(UnmanagedType.LPUTF8Str)] string method, IntPtr* args, int n, IntPtr* outp, int cap);
    [DllImport(Lib)] internal static extern int gd_jit_call(IntPtr m, [MarshalAs(UnmanagedType.LPUTF8Str)] string method, IntPtr* args, int n, IntPtr* outp, int cap);
    [DllImport(Lib)] internal static extern int gd_jit_call_values(IntPtr m, [MarshalAs(UnmanagedType.LPUTF8Str)] string method, int* kinds, IntPtr* tensors,
        long* ints, double* floats, IntPtr* names, int n, IntPtr* outp, int cap);
}
